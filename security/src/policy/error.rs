//! Why a policy could not be loaded or applied.

use std::path::PathBuf;

/// Why a policy could not be loaded or applied.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The policy file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The policy file is not a valid policy (serde_json names line and column).
    #[error("{path}: {why}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where.
        why: String,
    },
    /// A session's override asks for more than its level gives.
    #[error("a session may only narrow its level's grant; this one adds {0}")]
    Widens(String),
    /// A level's grant names a capability no one registered.
    #[error("unknown capability `{0}`")]
    UnknownCapability(String),
}
