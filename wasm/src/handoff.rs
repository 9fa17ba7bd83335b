//! Strings crossing in wasm memory, for Node: `api.js` writes a string source's UTF-16 units
//! straight into a buffer here, and makes the string result straight from the code left
//! here (as UTF-16 units, or as its own bytes when it is ASCII), then releases it. Nothing
//! is copied through a JS typed array, nothing is zero-filled first, and Node's slow UTF-8 ⇄
//! string paths are not used.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

use crate::from_utf16::{utf8_room, utf16_to_string};
use crate::room;
use crate::to_utf16::utf8_to_utf16;

/// Code waiting for `api.js` to read it.
#[expect(dead_code, reason = "held, never read from Rust: JS reads its memory")]
enum Pending {
    /// ASCII code as its bytes, which Node reads as Latin-1 into a one-byte string: half
    /// the size of a UTF-16 one, and no transcoding. Most Python is ASCII.
    Ascii(String),
    /// Other code as UTF-16 units.
    Units(Vec<u16>),
}

thread_local! {
    /// Room reserved for the next source, which `api.js` fills.
    static INPUT: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
    /// The last result not yet released; the next result replaces it.
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// Reserves room for a source of `units` UTF-16 units: the byte offset where `api.js`
/// writes them, or a `RangeError` (kind `memory`) when the source is too large for it.
pub(crate) fn input(units: usize) -> Result<usize, JsValue> {
    drop(INPUT.take());
    room::check_source(units, "UTF-16 units")?;
    let mut buffer = room::vec_for::<u16>(units, "the source")?;
    let at = buffer.as_mut_ptr() as usize;
    INPUT.set(buffer);
    Ok(at)
}

/// The source `api.js` wrote (its first `units` units), as UTF-8; the room is freed.
#[allow(unsafe_code)] // The units were written from outside Rust, as by an FFI call.
pub(crate) fn take_input(units: usize) -> Result<String, JsValue> {
    let mut buffer = INPUT.take();
    let units = units.min(buffer.capacity());
    // SAFETY: within the capacity `input` reserved, and `api.js` wrote these units there
    // (`Buffer#write` reports how many) before passing their count; wasm memory is plain
    // bytes, so even a caller that wrote nothing leaves stale units, not undefined ones.
    unsafe { buffer.set_len(units) };
    let utf8 = room::vec_for(utf8_room(units), "the source as UTF-8")?;
    let mut text = utf16_to_string(&buffer, utf8);
    drop(buffer);
    // The room was for 3 bytes a unit; give back what the text does not use.
    text.shrink_to_fit();
    room::check_source(text.len(), "bytes as UTF-8")?;
    Ok(text)
}

/// Keeps `code` until `api.js` has read it: where it starts in wasm memory (a byte offset),
/// its length in UTF-16 units, and whether it is ASCII (a byte a unit) or UTF-16.
pub(crate) fn hand_over(code: String) -> Result<(usize, usize, bool), JsValue> {
    let (pending, handed) = if code.is_ascii() {
        let handed = (code.as_ptr() as usize, code.len(), true);
        (Pending::Ascii(code), handed)
    } else {
        // As many units as bytes at most.
        let mut units = room::vec_for(code.len(), "the code as UTF-16")?;
        utf8_to_utf16(&code, &mut units);
        let handed = (units.as_ptr() as usize, units.len(), false);
        (Pending::Units(units), handed)
    };
    // Moving a String or Vec leaves its buffer, and so the offset, where it is.
    PENDING.set(Some(pending));
    Ok(handed)
}

/// Frees the pending code, so a large result does not hold memory until the next call.
pub(crate) fn release() {
    drop(PENDING.take());
}
