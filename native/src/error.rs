//! Every way a command can fail, and the exit status each one means.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Exit status for a usage or configuration problem (what clap also uses for bad flags).
pub const EXIT_USAGE: u8 = 2;
/// Exit status for bad input (a refused conversion, an unreadable file, a failed check).
pub const EXIT_FAILURE: u8 = 1;

/// A command's failure. Its `Display` is the full message for stderr.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("phicode: cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("phicode: cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Problems with places in files: each is one line of the message.
    #[error("{}", lines(.diagnostics))]
    Diagnostics {
        /// The problems, in order.
        diagnostics: Vec<Diagnostic>,
        /// The exit status they mean.
        code: u8,
    },
    /// A usage problem the arguments parser cannot see (e.g. an unknown file extension).
    #[error("phicode: {0}")]
    Usage(String),
}

impl Error {
    /// The process exit status for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Read { .. } | Self::Write { .. } => EXIT_FAILURE,
            Self::Diagnostics { code, .. } => *code,
            Self::Usage(_) => EXIT_USAGE,
        }
    }
}

fn lines(diagnostics: &[Diagnostic]) -> String {
    let all: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    all.join("\n")
}
