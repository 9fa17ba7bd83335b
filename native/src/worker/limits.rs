//! Resource limits the worker puts on itself before starting Python (so the host needs no
//! `pre_exec` hook): address space and CPU time.

use nix::sys::resource::{Resource, setrlimit};

use crate::cli::WorkerArgs;

/// Applies `--max-memory` and `--max-cpu`.
pub fn apply(args: &WorkerArgs) -> nix::Result<()> {
    if let Some(bytes) = args.max_memory {
        setrlimit(Resource::RLIMIT_AS, bytes, bytes)?;
    }
    if let Some(seconds) = args.max_cpu {
        // SIGXCPU at the soft limit; the hard limit a second later is SIGKILL's backstop.
        setrlimit(Resource::RLIMIT_CPU, seconds, seconds.saturating_add(1))?;
    }
    Ok(())
}
