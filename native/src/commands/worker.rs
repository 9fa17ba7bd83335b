//! `phicode worker` (hidden): serve one session for a host; the dialect is found as for
//! `phicode run`, or handed over by `phicode repl --config`.

use std::process::ExitCode;

use crate::cli::WorkerArgs;
use crate::error::Error;

/// `phicode worker`: the session's symbol table comes from the config found from the
/// current folder, as for `phicode run`.
pub fn run(args: &WorkerArgs) -> Result<ExitCode, Error> {
    if args.level == phicode_security::Level::Sandbox {
        return Err(Error::Usage("worker: level sandbox is not available in this build".into()));
    }
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    // `phicode repl --config FILE` hands its dialect to the worker it starts.
    let explicit = std::env::var_os("PHICODE_REPL_CONFIG").map(std::path::PathBuf::from);
    let config =
        crate::config::resolve(explicit.as_deref(), &cwd, crate::config::Settings::from_env())?;
    Ok(crate::worker::serve_session(args, config.table))
}
