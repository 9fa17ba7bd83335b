//! Room in wasm memory for a conversion. A wasm32 module has at most 4 GiB, and an
//! allocation that fails there aborts: JS sees `RuntimeError: unreachable`, and what the call
//! had allocated stays lost. So sources are limited to a size whose conversion fits, and the
//! shell's own large buffers are reserved fallibly: either way a `RangeError` of kind
//! `memory` says what did not fit, and the module stays as usable as before.

use wasm_bindgen::JsValue;

use crate::error::set;

/// An empty vector with room for `len` items, or the error saying that `what` did not fit.
pub(crate) fn vec_for<T>(len: usize, what: &str) -> Result<Vec<T>, JsValue> {
    let mut vec = Vec::new();
    match vec.try_reserve_exact(len) {
        Ok(()) => Ok(vec),
        Err(_) => Err(too_large(len.saturating_mul(size_of::<T>()), what)),
    }
}

/// The largest source converted here, in bytes: its copies and its code fit in 4 GiB even
/// when every character is a symbol that lengthens fivefold.
pub(crate) const MAX_SOURCE: usize = 256 << 20;

/// The largest source given a column map: the map keeps two records (32 bytes) per symbol.
pub(crate) const MAX_MAPPED_SOURCE: usize = 64 << 20;

/// Refuses a source of `len` `units` (`bytes`, `UTF-16 units`) above [`MAX_SOURCE`],
/// before anything is copied.
pub(crate) fn check_source(len: usize, units: &str) -> Result<(), JsValue> {
    if len <= MAX_SOURCE {
        return Ok(());
    }
    Err(memory_error(&format!(
        "phicode: the source is {len} {units}, and the wasm build converts sources of up to \
         {MAX_SOURCE} bytes (256 MiB) in its 4 GiB of memory; convert it in parts, or with the \
         native `phicode` binary"
    )))
}

/// Refuses a column map for a source of `len` bytes above [`MAX_MAPPED_SOURCE`].
pub(crate) fn check_mapped(len: usize) -> Result<(), JsValue> {
    if len <= MAX_MAPPED_SOURCE {
        return Ok(());
    }
    Err(memory_error(&format!(
        "phicode: the source is {len} bytes, and column maps are made for sources of up to \
         {MAX_MAPPED_SOURCE} bytes (64 MiB) in the wasm build's 4 GiB of memory; pass \
         `sourceMap: false`"
    )))
}

fn too_large(bytes: usize, what: &str) -> JsValue {
    let message = format!(
        "phicode: {what} needs {} MB of wasm memory, more than is left (a wasm32 module has \
         at most 4 GiB); convert it in parts, or with the native `phicode` binary",
        bytes.div_ceil(1_000_000)
    );
    memory_error(&message)
}

/// A `RangeError` of kind `memory`.
fn memory_error(message: &str) -> JsValue {
    let error = js_sys::RangeError::new(message);
    set(&error, "kind", &"memory".into());
    error.into()
}
