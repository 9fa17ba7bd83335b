//! Strings crossing as UTF-16 in wasm memory, for Node: `api.js` writes a string source's
//! units straight into a buffer here, and makes the string result straight from the units
//! left here, then releases them. Nothing is copied through a JS typed array, nothing is
//! zero-filled first, and Node's slow UTF-8 ⇄ string paths are not used.

use std::cell::RefCell;

use crate::from_utf16::utf16_to_string;
use crate::to_utf16::utf8_to_utf16;

thread_local! {
    /// Room reserved for the next source, which `api.js` fills.
    static INPUT: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
    /// The units of the last result not yet released; the next result reuses the buffer.
    static PENDING: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// Reserves room for a source of `units` UTF-16 units: the byte offset where `api.js`
/// writes them.
pub(crate) fn input(units: usize) -> usize {
    INPUT.with_borrow_mut(|buffer| {
        buffer.clear();
        buffer.reserve(units);
        buffer.as_mut_ptr() as usize
    })
}

/// The source `api.js` wrote (its first `units` units), as UTF-8; the room is freed.
#[allow(unsafe_code)] // The units were written from outside Rust, as by an FFI call.
pub(crate) fn take_input(units: usize) -> String {
    let mut buffer = INPUT.take();
    let units = units.min(buffer.capacity());
    // SAFETY: within the capacity `input` reserved, and `api.js` wrote these units there
    // (`Buffer#write` reports how many) before passing their count; wasm memory is plain
    // bytes, so even a caller that wrote nothing leaves stale units, not undefined ones.
    unsafe { buffer.set_len(units) };
    utf16_to_string(&buffer)
}

/// Transcodes `code` into the pending buffer: where its units start in wasm memory (a byte
/// offset), and how many there are.
pub(crate) fn hand_over(code: &str) -> (usize, usize) {
    PENDING.with_borrow_mut(|units| {
        utf8_to_utf16(code, units);
        (units.as_ptr() as usize, units.len())
    })
}

/// Frees the pending units, so a large result does not hold memory until the next call.
pub(crate) fn release() {
    drop(PENDING.take());
}
