//! Confining the calling process to a level, from the inside: Landlock for files, TCP and
//! signals, a seccomp filter for the system calls no cell needs, and rlimits. Each is
//! irreversible, inherited by every thread started later and every child, and applied
//! before any code of the session runs; a kernel that cannot enforce all of it is an error,
//! never a quieter sandbox.
//!
//! Call [`apply`] from the main thread before starting any other thread: Landlock and
//! seccomp bind the calling thread and its future children only.

mod error;
mod landlock;
mod rlimits;
mod seccomp;

use std::path::PathBuf;

pub use error::ConfineError;

use crate::level::Level;
use crate::limits::Limits;

/// What the process is confined to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confinement {
    /// The level; [`Level::Unrestricted`] applies the limits only.
    pub level: Level,
    /// Folders and files the code may read (the interpreter's own files, shared
    /// libraries, the program's folder); never written.
    pub read_only: Vec<PathBuf>,
    /// Folders the code may read and write: the session's scratch folder.
    pub read_write: Vec<PathBuf>,
    /// Resource limits.
    pub limits: Limits,
    /// Programs may be started (the `subprocess` capability): execve, fork and execute
    /// rights on the read-only paths. Without it, no process starts at all.
    pub programs: bool,
}

/// Confines this process to `confinement`; see the module docs.
pub fn apply(confinement: &Confinement) -> Result<(), ConfineError> {
    rlimits::apply(&confinement.limits, confinement.programs)?;
    match confinement.level {
        Level::Sandbox => Err(ConfineError::NotNative),
        Level::Unrestricted => Ok(()),
        level => {
            let (read_only, read_write) = (&confinement.read_only, &confinement.read_write);
            landlock::apply(level, read_only, read_write, confinement.programs)?;
            seccomp::apply(confinement.programs)
        }
    }
}

/// Files and folders every native worker reads, wherever its Python lives: shared
/// libraries, the dynamic loader's cache, time zones, and the devices Python opens.
/// `/usr` is read whole (not executed): public files, where Python's own C extensions'
/// libraries, locales and time zones live.
pub fn system_read_only() -> Vec<PathBuf> {
    ["/usr", "/lib", "/lib64", "/etc/ld.so.cache", "/etc/localtime", "/dev/null", "/dev/urandom"]
        .into_iter()
        .map(PathBuf::from)
        .collect()
}
