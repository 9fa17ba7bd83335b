//! The `source` argument: a string, or UTF-8 bytes (`Uint8Array`, a Node `Buffer`). Bytes
//! skip the UTF-16 ⇄ UTF-8 transcoding of JS strings, which costs more than converting.

use js_sys::Uint8Array;
use phicode_core::position::position_of;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{located, type_error};

/// A source as text, remembering whether the caller gave bytes (and wants bytes back).
pub(crate) struct Source {
    pub(crate) text: String,
    pub(crate) bytes: bool,
}

impl Source {
    /// Reads a string or a `Uint8Array`; bytes that are not UTF-8 throw at their position.
    pub(crate) fn from_js(source: &JsValue) -> Result<Self, JsValue> {
        if let Some(text) = source.as_string() {
            return Ok(Self { text, bytes: false });
        }
        let Some(array) = source.dyn_ref::<Uint8Array>() else {
            return Err(type_error("phicode: the source is a string or a Uint8Array"));
        };
        match String::from_utf8(array.to_vec()) {
            Ok(text) => Ok(Self { text, bytes: true }),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let prefix = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
                let at = position_of(prefix, valid);
                let message = format!("{at}: the source is not valid UTF-8 (byte {valid})");
                Err(located(&message, "utf8", Some(at)).into())
            }
        }
    }

    /// The converted code, as the caller gave the source: a string or bytes.
    pub(crate) fn output(&self, code: &str) -> JsValue {
        if self.bytes { Uint8Array::from(code.as_bytes()).into() } else { code.into() }
    }
}
