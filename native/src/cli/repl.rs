//! Arguments of `phicode repl`.

use std::path::PathBuf;

/// `phicode repl`.
#[derive(Debug, clap::Args)]
pub struct ReplArgs {
    /// Dialect config to use instead of the discovered `.(φ)/config.json`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// History file (default: $PHICODE_HISTORY, else ~/.phicode_history).
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Keep no history.
    #[arg(long, conflicts_with = "history")]
    pub no_history: bool,
}
