//! `phicode repl`: an interactive φ/Python session in the terminal (the REPL itself lives
//! in `phicode-sessions`; this resolves the dialect config and starts it on this binary's
//! hidden `worker` subcommand).

use std::path::PathBuf;
use std::process::ExitCode;

use phicode_sessions::host::SessionConfig;
use phicode_sessions::repl::{self, ReplOptions};

use crate::cli::ReplArgs;
use crate::config::{Settings, resolve};
use crate::error::Error;

/// Runs the REPL until Ctrl-D.
pub fn run(args: &ReplArgs) -> Result<ExitCode, Error> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let config = resolve(args.config.as_deref(), &cwd, Settings::from_env())?;
    let mut session = SessionConfig::current_exe()
        .map_err(|source| Error::Read { path: "<phicode>".into(), source })?;
    session.forward_stderr = true;
    if let Some(file) = &args.config {
        // The worker converts cells with the same dialect.
        session.env.push(("PHICODE_REPL_CONFIG".into(), file.clone().into_os_string()));
    }
    let history = match (&args.history, args.no_history) {
        (_, true) => None,
        (Some(path), _) => Some(path.clone()),
        (None, _) => std::env::var_os("PHICODE_HISTORY").map(PathBuf::from).or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".phicode_history"))
        }),
    };
    match repl::run(ReplOptions { session, table: config.table, history }) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Error::Usage(format!("repl: {e}"))),
    }
}
