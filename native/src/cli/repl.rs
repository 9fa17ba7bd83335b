//! Arguments of `phicode repl`.

use std::path::PathBuf;

use clap::ValueEnum;
use phicode_security::Level;

/// `phicode repl`.
#[derive(Debug, clap::Args)]
pub struct ReplArgs {
    /// Dialect config to use instead of the discovered `.(φ)/config.json`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// History file (default: the named session's own, else $PHICODE_HISTORY, else
    /// ~/.phicode_history).
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Keep no history.
    #[arg(long, conflicts_with = "history")]
    pub no_history: bool,
    /// Resume (or start) the session NAME: its names, execution counter and history outlive
    /// the REPL, in $XDG_STATE_HOME/phicode/sessions/NAME (letters, digits, `-` and `_`).
    #[arg(long, value_name = "NAME", value_parser = session_name)]
    pub session: Option<String>,
    /// Where durable promises live: in this process, or on a Resonate server.
    #[arg(long, value_enum, default_value = "local")]
    pub durability: DurabilityChoice,
    /// The Resonate server for `--durability remote` (default: $RESONATE_URL).
    #[arg(long, value_name = "URL", env = "RESONATE_URL")]
    pub resonate_url: Option<String>,
    /// Remote mode: seconds a cell stays leased to this REPL once it stops answering (killed,
    /// cut off), before another host of the session takes the cell over.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub lease: f64,
    /// What code in the session may do: sandbox, restricted, standard, trusted or
    /// unrestricted (today's behaviour, the default). See README's "Security levels".
    #[arg(long, default_value = "unrestricted", value_parser = clap::value_parser!(Level))]
    pub level: Level,
    /// Policy file giving each level its grant (default: the built-in policy).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Append capability calls and the session's audit events here, as JSON lines
    /// (default below unrestricted: $XDG_STATE_HOME/phicode/audit.jsonl).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// What happens to a cell whose worker died: reported, or run again once.
    #[arg(long, value_enum, default_value = "report")]
    pub on_crash: OnCrashChoice,
}

/// `--durability`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DurabilityChoice {
    /// `Resonate::local()`: promises in this process.
    Local,
    /// A Resonate server (`--resonate-url` or $RESONATE_URL).
    Remote,
}

/// `--on-crash`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnCrashChoice {
    /// Say the cell was interrupted by the crash.
    Report,
    /// Run the cell again in the restored worker.
    Rerun,
}

/// A session name: a safe folder name and a valid Resonate id part.
pub fn session_name(name: &str) -> Result<String, String> {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid { Ok(name.to_owned()) } else { Err("use 1 to 64 letters, digits, `-` or `_`".into()) }
}
