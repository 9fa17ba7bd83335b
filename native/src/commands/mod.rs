//! The subcommands, one file each, and the output helper they share.

mod check;
mod config;
mod convert;
mod interpreters;
mod repl;
mod symbols;
mod worker;

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
        Command::Run(args) => crate::program::run_program(&args),
        Command::Interpreters => interpreters::run(),
        Command::Config(args) => config::run(&args),
        Command::Worker(args) => worker::run(&args),
        Command::Repl(args) => repl::run(&args),
    }
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
