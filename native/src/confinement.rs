//! Confining this process to a security level once its interpreter started (so its own
//! files are known) and before any other thread or any of the user's code runs: for a
//! session's worker, and for `phicode run --level`'s confined child.

use std::path::PathBuf;

use phicode_security::capability::names;
use phicode_security::confine::{self, Confinement};
use phicode_security::{Level, Limits};
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

/// The variable carrying `phicode run --level`'s [`Spec`] to its confined child as JSON;
/// its presence marks the child, which removes it before the program starts.
pub const SPEC_VAR: &str = "PHICODE_RUN_CONFINE";

/// What to confine the process to; `phicode run` hands it to its child as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    /// The level.
    pub level: Level,
    /// The read-write folder, and the working folder.
    pub scratch: Option<PathBuf>,
    /// The granted capabilities (`subprocess` lets programs start).
    pub capabilities: Vec<String>,
    /// Resource limits.
    pub limits: Limits,
    /// Read-only paths besides the interpreter's (the program's folder).
    pub read: Vec<PathBuf>,
}

/// Confines the process as `spec` says, reading through its interpreter's own folders.
pub fn apply(py: Python<'_>, spec: &Spec) -> Result<(), String> {
    let mut read_only = confine::system_read_only();
    read_only.extend(spec.read.iter().cloned());
    if spec.level.is_native_confined() {
        read_only.extend(interpreter_paths(py).map_err(|e| e.to_string())?);
    }
    let read_write: Vec<PathBuf> = spec.scratch.iter().cloned().collect();
    if spec.level.is_native_confined() && read_write.is_empty() {
        return Err(format!("level {} needs a scratch folder", spec.level));
    }
    if let Some(scratch) = &spec.scratch {
        std::env::set_current_dir(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    }
    let programs = spec.capabilities.iter().any(|c| c == names::SUBPROCESS);
    let confinement =
        Confinement { level: spec.level, read_only, read_write, limits: spec.limits, programs };
    confine::apply(&confinement).map_err(|e| e.to_string())
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
