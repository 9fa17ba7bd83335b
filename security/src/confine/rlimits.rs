//! The resource limits, set hard and soft alike so code cannot raise them again.

use nix::sys::resource::{Resource, setrlimit};

use super::ConfineError;
use crate::{Level, Limits};

/// Sets each limit `limits` has. Below TRUSTED no process may start at all (seccomp), so
/// RLIMIT_NPROC is only set from TRUSTED up, where it is what stops a fork bomb.
pub fn apply(level: Level, limits: &Limits) -> Result<(), ConfineError> {
    let set = |resource, limit: &'static str, soft: Option<u64>, hard: Option<u64>| match soft {
        Some(soft) => setrlimit(resource, soft, hard.unwrap_or(soft))
            .map_err(|source| ConfineError::Rlimit { limit, source }),
        None => Ok(()),
    };
    set(Resource::RLIMIT_AS, "RLIMIT_AS", limits.memory_bytes(), None)?;
    // SIGXCPU at the soft limit; the hard limit a second later is SIGKILL's backstop.
    let cpu = limits.cpu_seconds;
    set(Resource::RLIMIT_CPU, "RLIMIT_CPU", cpu, cpu.map(|s| s.saturating_add(1)))?;
    set(Resource::RLIMIT_FSIZE, "RLIMIT_FSIZE", limits.file_size_bytes(), None)?;
    set(Resource::RLIMIT_NOFILE, "RLIMIT_NOFILE", limits.open_files, None)?;
    if level >= Level::Trusted {
        set(Resource::RLIMIT_NPROC, "RLIMIT_NPROC", limits.processes, None)?;
    }
    Ok(())
}
