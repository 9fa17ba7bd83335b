//! The worker's confinement: what its level allows, put in force on the main thread after
//! the interpreter started (so its own files are known) and before any other thread or
//! any code of the session runs.

use std::path::PathBuf;

use phicode_security::Limits;
use phicode_security::capability::names;
use phicode_security::confine::{self, ConfineError, Confinement};
use pyo3::prelude::*;

use crate::cli::WorkerArgs;

/// Confines the worker to `args.level`, reading through its interpreter's own folders.
pub fn apply(py: Python<'_>, args: &WorkerArgs) -> Result<(), String> {
    let mut read_only = confine::system_read_only();
    if args.level.is_native_confined() {
        read_only.extend(interpreter_paths(py).map_err(|e| e.to_string())?);
    }
    let read_write: Vec<PathBuf> = args.scratch.iter().cloned().collect();
    if args.level.is_native_confined() && read_write.is_empty() {
        return Err(format!("level {} needs a --scratch folder", args.level));
    }
    if let Some(scratch) = &args.scratch {
        std::env::set_current_dir(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    }
    let programs = args.capabilities.iter().any(|c| c == names::SUBPROCESS);
    let limits = limits(args);
    let confinement = Confinement { level: args.level, read_only, read_write, limits, programs };
    confine::apply(&confinement).map_err(|e: ConfineError| e.to_string())
}

/// The limits the host asked for, in the policy's units.
fn limits(args: &WorkerArgs) -> Limits {
    const MIB: u64 = 1024 * 1024;
    Limits {
        memory_mb: args.max_memory.map(|b| b.div_ceil(MIB)),
        cpu_seconds: args.max_cpu,
        processes: args.max_processes,
        file_size_mb: args.max_file_size.map(|b| b.div_ceil(MIB)),
        open_files: args.max_open_files,
    }
}

/// Where the interpreter reads its own files: its prefixes and every folder on `sys.path`
/// (the standard library, its extension modules, site-packages).
fn interpreter_paths(py: Python<'_>) -> PyResult<Vec<PathBuf>> {
    let sys = py.import("sys")?;
    let mut paths = Vec::new();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        paths.push(PathBuf::from(sys.getattr(name)?.extract::<String>()?));
    }
    for entry in sys.getattr("path")?.try_iter()? {
        let entry: String = entry?.extract()?;
        if !entry.is_empty() {
            paths.push(PathBuf::from(entry));
        }
    }
    Ok(paths)
}
