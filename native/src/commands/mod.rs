//! The subcommands, one file each (`emit` is where their text goes); `dispatch` runs one.

mod check;
mod config;
mod convert;
mod emit;
mod interpreters;
mod kernel;
mod lsp;
mod promise;
mod repl;
mod serve;
mod sessions;
mod symbols;
mod worker;

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
        Command::Promise(args) => promise::run(&args),
        Command::Sessions(args) => sessions::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Kernel(args) => kernel::run_kernel(&args),
    }
}
