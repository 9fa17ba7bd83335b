//! The server's typed errors; `phicode lsp` turns them into a message and an exit status.

/// Why the server could not start or went on no further.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The editor's stream lost LSP's framing: no message after it can be read.
    #[error("language server protocol: {0}")]
    Protocol(#[from] FrameError),
    /// The editor closed the connection (or said `exit`) before `initialize`.
    #[error("the editor went away before initializing")]
    Gone,
    /// Reading or writing the shadow folder, or the standard streams.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The editor's `initialize` parameters did not parse.
    #[error("bad initialize parameters: {0}")]
    Initialize(#[from] serde_json::Error),
    /// No Python language server command was given or found.
    #[error("no Python language server to start")]
    NoPythonServer,
    /// The Python language server did not start.
    #[error("cannot start the Python language server `{program}`: {source}")]
    Spawn {
        /// The program.
        program: String,
        /// Why.
        source: std::io::Error,
    },
    /// The Python language server did not answer `initialize` in time, or answered it
    /// with an error.
    #[error("the Python language server did not initialize: {0}")]
    PythonInitialize(String),
}

/// Why a stream from the editor or the Python server cannot be read on: its framing is lost,
/// and with it every message after.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    /// The headers ended without `Content-Length`, or with one that is not a number.
    #[error("a message without a valid Content-Length header")]
    NoLength,
    /// `Content-Length` is over what is read.
    #[error("a message of {length} bytes (at most {limit} are read)")]
    TooLong {
        /// What the headers announced.
        length: usize,
        /// The bound.
        limit: usize,
    },
    /// Too many bytes arrived without the empty line that ends the headers.
    #[error("headers without their end")]
    EndlessHeader,
}
