//! The store limiter: linear memory past the cap ends the instance (a trap carrying
//! [`Stop::Memory`]) rather than failing the allocation. A refused `memory.grow` would
//! leave CPython at the cap for the rest of the session (wasm memory never shrinks), and
//! some of CPython's allocation-failure paths abort anyway; a fresh instance restored
//! from the last checkpoint is the predictable way back.

use wasmtime::ResourceLimiter;

use super::watch::Stop;

/// Table elements a guest may have: CPython's function table is a few thousand entries;
/// this only stops a runaway `table.grow`.
const TABLE_ELEMENTS: usize = 1 << 20;

/// The limits of one instance.
pub struct Limiter {
    memory_bytes: u64,
}

impl Limiter {
    /// Caps linear memory at `memory_bytes`.
    pub fn new(memory_bytes: u64) -> Self {
        Self { memory_bytes }
    }
}

impl ResourceLimiter for Limiter {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired as u64 > self.memory_bytes {
            return Err(wasmtime::Error::new(Stop::Memory(self.memory_bytes)));
        }
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= TABLE_ELEMENTS)
    }
}
