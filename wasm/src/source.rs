//! The `source` argument: a string, or UTF-8 bytes (`Uint8Array`, a Node `Buffer`). Bytes
//! skip the UTF-16 ⇄ UTF-8 transcoding of JS strings, which costs more than converting.

use js_sys::{Uint8Array, Uint16Array};
use phicode_core::position::position_of;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{located, type_error};

/// How the converted code goes back to JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A JS string (wasm-bindgen decodes the UTF-8).
    String,
    /// UTF-16 code units in a `Uint16Array`, which Node turns into a string with
    /// `Buffer#toString('utf16le')` an order of magnitude faster than it decodes UTF-8.
    Utf16,
    /// UTF-8 bytes in a `Uint8Array`, because the caller gave bytes.
    Bytes,
}

/// A source as text, remembering how the caller wants the code back.
pub(crate) struct Source {
    pub(crate) text: String,
    pub(crate) form: Form,
}

impl Source {
    /// Reads a string or a `Uint8Array`; bytes that are not UTF-8 throw at their position.
    /// A string source's code comes back in `string_form`.
    pub(crate) fn from_js(source: &JsValue, string_form: Form) -> Result<Self, JsValue> {
        if let Some(text) = source.as_string() {
            return Ok(Self { text, form: string_form });
        }
        let Some(array) = source.dyn_ref::<Uint8Array>() else {
            return Err(type_error("phicode: the source is a string or a Uint8Array"));
        };
        match phicode_core::string_from_utf8(array.to_vec()) {
            Ok(text) => Ok(Self { text, form: Form::Bytes }),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let prefix = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
                let at = position_of(prefix, valid);
                let message = format!("{at}: the source is not valid UTF-8 (byte {valid})");
                Err(located(&message, "utf8", Some(at)).into())
            }
        }
    }

    /// The converted code, in the form the caller asked for.
    pub(crate) fn output(&self, code: &str) -> JsValue {
        match self.form {
            Form::String => code.into(),
            Form::Bytes => Uint8Array::from(code.as_bytes()).into(),
            Form::Utf16 => {
                // A UTF-8 text never has more UTF-16 units than bytes.
                let mut units = vec![0u16; code.len()];
                let written = encoding_rs::mem::convert_str_to_utf16(code, &mut units);
                Uint16Array::from(units.get(..written).unwrap_or_default()).into()
            }
        }
    }
}
