//! Why the REPL could not run.

use phicode_sessions::host::SessionError;
use rustyline::error::ReadlineError;

use crate::error::DurableError;

/// Why the REPL could not run.
#[derive(Debug, thiserror::Error)]
pub enum ReplError {
    /// The async runtime did not start.
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
    /// The session did not start.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The durable layer did not start.
    #[error(transparent)]
    Durable(#[from] DurableError),
    /// The terminal could not be used.
    #[error("terminal: {0}")]
    Terminal(#[from] ReadlineError),
}
