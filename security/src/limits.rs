//! Resource limits for one worker, set as rlimits by the worker on itself.

use serde::{Deserialize, Serialize};

use crate::level::Level;

/// A MiB, in bytes.
const MIB: u64 = 1024 * 1024;

/// What one worker may use. `None` leaves the limit as inherited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Address space in MiB (RLIMIT_AS): allocations past it raise MemoryError.
    pub memory_mb: Option<u64>,
    /// CPU seconds over the worker's life (RLIMIT_CPU): past it the worker is killed by
    /// SIGXCPU, and the session restores its last checkpoint in a new one. At SANDBOX,
    /// each cell's time budget instead: past it the instance ends and the names come back.
    pub cpu_seconds: Option<u64>,
    /// Processes and threads of the user (RLIMIT_NPROC). Linux does not apply it to root.
    pub processes: Option<u64>,
    /// Largest file the worker may write, in MiB (RLIMIT_FSIZE): a longer write fails with
    /// EFBIG (Python ignores SIGXFSZ).
    pub file_size_mb: Option<u64>,
    /// Open file descriptors (RLIMIT_NOFILE).
    pub open_files: Option<u64>,
}

impl Limits {
    /// The built-in limits of `level`. Two gigabytes and ten CPU minutes are generous for
    /// interactive work and small enough that a runaway cell cannot take the machine.
    pub fn default_for(level: Level) -> Self {
        let confined = Self {
            memory_mb: Some(2048),
            cpu_seconds: Some(600),
            processes: None,
            file_size_mb: Some(1024),
            open_files: Some(1024),
        };
        match level {
            // In wasmtime: the memory cap, and each cell's time budget (not a lifetime's).
            Level::Sandbox => Self { memory_mb: Some(256), cpu_seconds: Some(30), ..confined },
            // seccomp refuses new processes below TRUSTED; there the count is what holds.
            Level::Restricted | Level::Standard => confined,
            Level::Trusted => Self { processes: Some(1024), ..confined },
            Level::Unrestricted => Self::default(),
        }
    }

    /// Each limit the lower of the two (a missing limit is no limit).
    pub fn min(self, other: Self) -> Self {
        let low = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Self {
            memory_mb: low(self.memory_mb, other.memory_mb),
            cpu_seconds: low(self.cpu_seconds, other.cpu_seconds),
            processes: low(self.processes, other.processes),
            file_size_mb: low(self.file_size_mb, other.file_size_mb),
            open_files: low(self.open_files, other.open_files),
        }
    }

    /// Address space in bytes.
    pub fn memory_bytes(&self) -> Option<u64> {
        self.memory_mb.map(|mb| mb.saturating_mul(MIB))
    }

    /// File size in bytes.
    pub fn file_size_bytes(&self) -> Option<u64> {
        self.file_size_mb.map(|mb| mb.saturating_mul(MIB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_takes_the_lower_and_a_missing_limit_is_none() {
        let a = Limits { memory_mb: Some(100), cpu_seconds: None, ..Limits::default() };
        let b = Limits { memory_mb: Some(50), cpu_seconds: Some(3), ..Limits::default() };
        let low = a.min(b);
        assert_eq!((low.memory_mb, low.cpu_seconds, low.open_files), (Some(50), Some(3), None));
    }

    #[test]
    fn confined_levels_have_limits_and_unrestricted_none() {
        assert!(Limits::default_for(Level::Restricted).memory_mb.is_some());
        assert_eq!(Limits::default_for(Level::Unrestricted), Limits::default());
        assert_eq!(Limits::default_for(Level::Restricted).memory_bytes(), Some(2048 * MIB));
    }
}
