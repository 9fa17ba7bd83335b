//! The resource limits, set hard and soft alike so code cannot raise them again.

use nix::sys::resource::{Resource, setrlimit};

use super::error::ConfineError;
use crate::limits::Limits;

/// Sets each limit `limits` has. Without `programs` no process may start at all (seccomp),
/// so RLIMIT_NPROC is only set with it, where it is what stops a fork bomb (it also counts
/// threads, and every process of the user, so it would only get in the way elsewhere).
pub fn apply(limits: &Limits, programs: bool) -> Result<(), ConfineError> {
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
    if programs {
        set(Resource::RLIMIT_NPROC, "RLIMIT_NPROC", limits.processes, None)?;
    }
    Ok(())
}
