//! The `source` argument: a string, or UTF-8 bytes (`Uint8Array`, a Node `Buffer`). Bytes
//! skip the UTF-16 ⇄ UTF-8 transcoding of JS strings, which costs more than converting.

use js_sys::{Reflect, Uint8Array};
use phicode_core::position::position_of;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{located, type_error};
use crate::handoff::{hand_over, take_input};
use crate::room;

/// How the converted code goes back to JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A JS string (wasm-bindgen decodes the UTF-8).
    String,
    /// UTF-16 code units left in wasm memory (`code`: their byte offset, `codeUnits`: how
    /// many; `codeAscii`: one byte each), which Node turns into a string with
    /// `Buffer#toString('utf16le')` (or `'latin1'`) an order of magnitude faster than it
    /// decodes UTF-8; `api.js` then releases them. The source came the same way (`handoff`).
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
    pub(crate) fn from_js(source: &JsValue) -> Result<Self, JsValue> {
        if let Some(text) = source.as_string() {
            return Ok(Self { text, form: Form::String });
        }
        let Some(array) = source.dyn_ref::<Uint8Array>() else {
            return Err(type_error("phicode: the source is a string or a Uint8Array"));
        };
        match phicode_core::string_from_utf8(copy_in(array)?) {
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

    /// The string source `api.js` wrote into wasm memory as `units` UTF-16 units.
    pub(crate) fn from_utf16_input(units: usize) -> Result<Self, JsValue> {
        Ok(Self { text: take_input(units)?, form: Form::Utf16 })
    }

    /// Sets `code` on `result`, in the form the caller asked for.
    pub(crate) fn put_code(&self, result: &JsValue, code: String) -> Result<(), JsValue> {
        let value = match self.form {
            Form::String => code.into(),
            Form::Bytes => Uint8Array::from(code.as_bytes()).into(),
            Form::Utf16 => {
                let (at, units, ascii) = hand_over(code)?;
                Reflect::set(result, &"codeUnits".into(), &units.into())?;
                Reflect::set(result, &"codeAscii".into(), &ascii.into())?;
                at.into()
            }
        };
        Reflect::set(result, &"code".into(), &value)?;
        Ok(())
    }
}

/// The bytes of `array` in wasm memory, reserved fallibly (`Uint8Array#to_vec` aborts when
/// they do not fit) and not zero-filled first.
#[allow(unsafe_code)] // Filling a Vec's spare capacity, as `to_vec` does.
fn copy_in(array: &Uint8Array) -> Result<Vec<u8>, JsValue> {
    let len = array.length() as usize;
    room::check_source(len, "bytes")?;
    let mut bytes = room::vec_for::<u8>(len, "the source")?;
    let filled = match bytes.spare_capacity_mut().get_mut(..len) {
        Some(room) => array.copy_to_uninit(room).len(),
        None => 0,
    };
    // SAFETY: `copy_to_uninit` initialised the first `filled` bytes of the spare capacity.
    unsafe { bytes.set_len(filled) };
    Ok(bytes)
}
