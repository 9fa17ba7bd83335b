//! Everything instances of a session share: the engine (and its epoch ticker), the
//! compiled CPython module, ready to instantiate with WASI preview 1 linked in.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use wasmtime::{Engine, InstancePre, Linker};

use super::engine::{Ticker, new_engine};
use super::instance::State;
use crate::cache::{self, Source};
use crate::error::SandboxError;

/// A session's compiled interpreter.
pub struct Runtime {
    /// Instantiates the module with WASI linked in.
    pub pre: InstancePre<State>,
    /// Where the module came from and how long getting it took.
    pub loaded: (Source, Duration),
    _ticker: Ticker,
}

impl Runtime {
    /// Loads `wasm` (compiled through the cache in `cache_dir`).
    pub fn load(wasm: &Path, cache_dir: Option<&Path>) -> Result<Self, SandboxError> {
        let started = Instant::now();
        let engine = new_engine()?;
        let bytes = std::fs::read(wasm)
            .map_err(|source| SandboxError::File { path: PathBuf::from(wasm), source })?;
        let (module, source) = cache::load_or_compile(&engine, &bytes, cache_dir)?;
        let mut linker = Linker::<State>::new(&engine);
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, State::wasi)
            .map_err(|e| SandboxError::wasmtime(&e))?;
        let pre = linker.instantiate_pre(&module).map_err(|e| SandboxError::wasmtime(&e))?;
        let ticker = Ticker::start(engine)?;
        Ok(Self { pre, loaded: (source, started.elapsed()), _ticker: ticker })
    }

    /// The engine (to bump its epoch: running instances then check their flags).
    pub fn engine(&self) -> &Engine {
        self.pre.module().engine()
    }
}
