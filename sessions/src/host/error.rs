//! Why a session operation failed.

use crate::protocol::{ErrorMessage, FrameError};

/// A session operation's failure.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The worker could not be started.
    #[error("cannot start the worker `{program}`: {source}")]
    Spawn {
        /// The executable.
        program: String,
        /// Why.
        source: std::io::Error,
    },
    /// The worker did not say `ready` in time, or died first.
    #[error("the worker did not start: {0}")]
    Start(String),
    /// The worker speaks another protocol version.
    #[error("the worker speaks protocol {worker}, this host speaks {host}")]
    Incompatible {
        /// The worker's version.
        worker: u32,
        /// Ours.
        host: u32,
    },
    /// There is no live worker (it died, and no restart was asked for).
    #[error("the session's worker is not running: {0}")]
    WorkerDead(String),
    /// An execution with this id is already running.
    #[error("execution `{0}` is already running")]
    Duplicate(String),
    /// The worker answered a request with an error.
    #[error("{}: {}", .0.exception_type, .0.exception_message)]
    Request(Box<ErrorMessage>),
    /// The worker's pipe failed.
    #[error(transparent)]
    Frame(#[from] FrameError),
    /// The worker answered a request with a message of another kind: a worker that does
    /// not keep the protocol (a bug, or another worker program behind `program`).
    #[error("the worker answered the `{request}` request with a `{reply}` message")]
    UnexpectedReply {
        /// The request's message type.
        request: &'static str,
        /// The type of the message that came back instead of its reply.
        reply: &'static str,
    },
    /// The worker did not answer a request in time.
    #[error("no answer to the `{0}` request within {1:?}")]
    Timeout(&'static str, std::time::Duration),
    /// A checkpoint file this host reads or writes for a confined worker failed.
    #[error("checkpoint {path}: {source}")]
    CheckpointFile {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The session's policy or narrowing does not apply (it widens its level).
    #[error(transparent)]
    Policy(#[from] phicode_security::policy::PolicyError),
    /// No session could be had from the pool in time.
    #[error("no session available: {0}")]
    Exhausted(String),
}
