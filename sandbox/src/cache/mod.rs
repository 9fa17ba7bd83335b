//! The compiled-module cache: compiling CPython's 26 MB wasm takes seconds, loading the
//! compiled form takes milliseconds. Entries live in `$XDG_CACHE_HOME/phicode/wasm/`
//! (`~/.cache/phicode/wasm/`), named by a hash of the wasm bytes and of everything in the
//! engine that changes the machine code (wasmtime's version and settings, the CPU
//! features), so a new wasm, a new wasmtime or another machine gets its own entry.
//! Entries are written atomically and checked before use (see `artifact`).

mod artifact;

use std::path::{Path, PathBuf};

use wasmtime::{Engine, Module};
use xxhash_rust::xxh3::Xxh3;

use crate::error::SandboxError;

/// Bumped when the entry layout (see `artifact`) changes, so old entries are not read.
const LAYOUT: &str = "phicode-wasm-cache-1";

/// Where entries go when the caller names no folder.
pub fn default_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("phicode").join("wasm"))
}

/// How a module was obtained (for tests and start-up figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Read from a valid cache entry.
    Cached,
    /// Compiled now (no entry, or one that failed its checks); the entry was (re)written.
    Compiled,
}

/// The module for `wasm`, from the entry in `dir` when it is sound, else compiled and
/// stored there. A cache that cannot be written only costs the next start its speed.
pub fn load_or_compile(
    engine: &Engine,
    wasm: &[u8],
    dir: Option<&Path>,
) -> Result<(Module, Source), SandboxError> {
    let Some(dir) = dir else {
        return compile(engine, wasm).map(|(module, _)| (module, Source::Compiled));
    };
    let path = entry_path(engine, wasm, dir);
    if let Some(module) = artifact::load(engine, &path) {
        return Ok((module, Source::Cached));
    }
    let (module, compiled) = compile(engine, wasm)?;
    // Best effort: a read-only or full disk must not stop the session.
    let _ = artifact::store(dir, &path, &compiled);
    Ok((module, Source::Compiled))
}

/// The entry of `wasm` for `engine` in `dir`.
pub fn entry_path(engine: &Engine, wasm: &[u8], dir: &Path) -> PathBuf {
    use std::hash::Hash;
    let mut key = Xxh3::new();
    LAYOUT.hash(&mut key);
    engine.precompile_compatibility_hash().hash(&mut key);
    key.update(wasm);
    dir.join(format!("{:032x}.cwasm", key.digest128()))
}

fn compile(engine: &Engine, wasm: &[u8]) -> Result<(Module, Vec<u8>), SandboxError> {
    let compiled = engine.precompile_module(wasm).map_err(|e| SandboxError::wasmtime(&e))?;
    let module = artifact::deserialize_own(engine, &compiled)?;
    Ok((module, compiled))
}
