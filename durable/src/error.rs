//! Why a durable session operation failed.

use phicode_sessions::host::SessionError;

/// A durable session operation's failure.
#[derive(Debug, thiserror::Error)]
pub enum DurableError {
    /// The session underneath failed (the worker could not start, died, ...).
    #[error(transparent)]
    Session(#[from] SessionError),
    /// Resonate refused or failed an operation (a promise, an invocation).
    #[error("durability: {0}")]
    Resonate(#[from] resonate_sdk::error::Error),
    /// The worker's events ended without a result or an error (it cannot happen while the
    /// session keeps its promise that every execution ends with one).
    #[error("the execution ended without a result or an error")]
    NoOutcome,
    /// A stored outcome could not be read back (written by another phicode version?).
    #[error("execution `{id}` has a stored outcome this phicode cannot read: {why}")]
    Unreadable {
        /// The execution.
        id: String,
        /// Why.
        why: String,
    },
    /// The state folder could not be written.
    #[error("the session's state folder: {0}")]
    State(std::io::Error),
    /// An execution id Resonate cannot take as a root id.
    #[error("execution id `{0}` contains `.`, which Resonate keeps for its own child ids")]
    BadId(String),
}
