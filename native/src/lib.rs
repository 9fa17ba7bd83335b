//! The `phicode` command-line tool: convert φ ⇄ Python, list symbols, check φ files.
//!
//! The binary's edge is [`run_cli`]: it parses the arguments, runs one command and turns its
//! typed error into messages on stderr and an exit status.

pub mod atomic;
pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod confinement;
pub mod debug;
pub mod diagnostic;
pub mod embed;
pub mod error;
pub mod input;
pub mod program;
pub mod python;
pub mod stale;
pub mod worker;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use error::Error;

/// Runs `phicode` with `args` (the program name first) and returns its exit status.
pub fn run_cli(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match cli::Cli::try_parse_from(cli::normalize(args.into_iter().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are not failures: clap knows which is which.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match commands::dispatch(cli.command) {
        Ok(code) => code,
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "{error}");
            ExitCode::from(error.exit_code())
        }
    }
}
