//! JS `Error`s that carry where the problem is (`line`, `column`, 1-based) and what it is.

use js_sys::{Error, Reflect};
use phicode_core::Position;
use wasm_bindgen::JsValue;

/// An `Error` with `message`, a `kind` tag and, when known, `line` and `column`.
pub(crate) fn located(message: &str, kind: &str, position: Option<Position>) -> Error {
    let error = Error::new(message);
    set(&error, "kind", &kind.into());
    if let Some(p) = position {
        set(&error, "line", &p.line.into());
        set(&error, "column", &p.column.into());
    }
    error
}

/// Sets a property on an error; plain objects always accept it, so a failure is ignored.
pub(crate) fn set(error: &Error, key: &str, value: &JsValue) {
    let _ = Reflect::set(error, &key.into(), value);
}

/// A `TypeError` for arguments of the wrong shape.
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
