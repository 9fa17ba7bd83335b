//! Why the kernel could not start or run, and why a message was refused.

/// A message that could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    /// The connection file names a signature scheme other than hmac-sha256.
    #[error("signature scheme `{0}` is not supported (use hmac-sha256)")]
    Scheme(String),
    /// No `<IDS|MSG>` frame.
    #[error("no <IDS|MSG> delimiter in the message")]
    NoDelimiter,
    /// Fewer than signature, header, parent header, metadata and content.
    #[error("a message needs 5 parts after the delimiter, this one has {0}")]
    TooFewParts(usize),
    /// The signature does not match the key.
    #[error("the message's signature does not match the connection key")]
    BadSignature,
    /// A part is not the JSON it should be.
    #[error("bad JSON in a message part: {0}")]
    Json(serde_json::Error),
}

/// The kernel's failure.
#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    /// The connection file could not be read.
    #[error("connection file {path}: {source}")]
    ConnectionFile {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The connection file is not a Jupyter connection file.
    #[error("connection file {path}: {source}")]
    ConnectionJson {
        /// The file.
        path: String,
        /// Why.
        source: serde_json::Error,
    },
    /// A socket could not be bound.
    #[error("cannot bind {endpoint}: {source}")]
    Bind {
        /// The endpoint.
        endpoint: String,
        /// Why.
        source: zeromq::ZmqError,
    },
    /// The signature scheme is not supported.
    #[error(transparent)]
    Wire(#[from] WireError),
    /// The session could not be started.
    #[error("the session: {0}")]
    Session(#[from] phicode_durable::DurableError),
    /// The tokio runtime could not be made.
    #[error("cannot start the kernel's runtime: {0}")]
    Runtime(std::io::Error),
}

/// Why a kernelspec could not be installed or listed.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// No folder to install into (no HOME, no prefix).
    #[error("no kernels folder: {0}")]
    NoFolder(String),
    /// Writing the kernelspec failed.
    #[error("{path}: {source}")]
    Write {
        /// The file or folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}
