//! The subcommands, one file each, and the output helper they share.

mod check;
mod config;
mod convert;
mod interpreters;
pub mod repl;
mod symbols;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::Command;
use crate::error::Error;

/// Runs one parsed command.
pub fn dispatch(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Convert(args) => convert::run(&args),
        Command::Symbols(args) => symbols::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Run(args) => crate::run::run(&args),
        Command::Interpreters => interpreters::run(),
        Command::Config(args) => config::run(&args),
        Command::Worker(args) => worker(&args),
        Command::Repl(args) => repl::run(&args),
    }
}

/// `phicode worker`: the session's symbol table comes from the config found from the
/// current folder, as for `phicode run`.
fn worker(args: &crate::worker::WorkerArgs) -> Result<ExitCode, Error> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    // `phicode repl --config FILE` hands its dialect to the worker it starts.
    let explicit = std::env::var_os("PHICODE_REPL_CONFIG").map(std::path::PathBuf::from);
    let config =
        crate::config::resolve(explicit.as_deref(), &cwd, crate::config::Settings::from_env())?;
    Ok(crate::worker::run(args, config.table))
}

/// Writes `text` to `path` atomically, or to standard output when `path` is `None`.
/// A closed pipe on stdout (`phicode ... | head`) is not an error.
pub fn emit(path: Option<&Path>, text: &str) -> Result<(), Error> {
    if let Some(path) = path {
        return crate::atomic::write(path, text.as_bytes())
            .map_err(|source| Error::Write { path: path.to_path_buf(), source });
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Write { path: "<stdout>".into(), source: e })
        }
        _ => Ok(()),
    }
}
