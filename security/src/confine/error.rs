//! Why a process could not be confined.

use crate::level::Level;

/// Why a process could not be confined. The worker refuses to serve rather than run a
/// session with less protection than its level promises.
#[derive(Debug, thiserror::Error)]
pub enum ConfineError {
    /// Landlock is missing or older than the rules need (TCP rules need ABI 4, signal
    /// scoping ABI 6), or refused the ruleset.
    #[error("Landlock cannot enforce level {level}: {why}")]
    Landlock {
        /// The level asked for.
        level: Level,
        /// What the kernel or the crate said.
        why: String,
    },
    /// The seccomp filter could not be built or installed.
    #[error("cannot install the seccomp filter: {0}")]
    Seccomp(String),
    /// An rlimit could not be set.
    #[error("cannot set {limit}: {source}")]
    Rlimit {
        /// Which limit.
        limit: &'static str,
        /// Why.
        source: nix::Error,
    },
    /// SANDBOX code runs in wasmtime, never in a confined native process.
    #[error("level sandbox runs in wasmtime, not in a native process")]
    NotNative,
}
