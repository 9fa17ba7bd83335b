//! String results for Node, handed over in wasm memory: the code's UTF-16 units wait in a
//! buffer here, `api.js` makes the string straight from `memory.buffer`, then releases them.
//! Nothing is copied into a JS typed array first, and the buffer is never zero-filled.

use std::cell::RefCell;

use crate::utf16::utf8_to_utf16;

thread_local! {
    /// The units of the last result not yet released; the next result reuses the buffer.
    static PENDING: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
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
