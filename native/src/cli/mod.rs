//! The command line, declared with clap's derive API.

mod kernel;
mod lsp;
mod promise;
mod repl;
mod run;
mod serve;
mod sessions;
mod shorthand;
mod worker;

pub use kernel::{InstallArgs, KernelAction, KernelArgs};
pub use lsp::LspArgs;
pub use promise::{PromiseAction, PromiseArgs};
pub use repl::{DurabilityChoice, OnCrashChoice, ReplArgs, session_name};
pub use run::{ConfigAction, ConfigArgs, InterpreterArgs, InterpreterChoice, RunArgs};
pub use serve::ServeArgs;
pub use sessions::{SessionsAction, SessionsArgs};
pub use shorthand::normalize;
pub use worker::WorkerArgs;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// `phicode --version`: the version and the CPython it embeds.
pub const VERSION: &str =
    concat!(env!("CARGO_PKG_VERSION"), " (embedded CPython ", env!("PHICODE_PYTHON_VERSION"), ")");

/// Write Python with symbols (`¿` if, `∀` for, `π` print, ...) and run it as Python.
///
/// `phicode FILE [ARGS...]` is `phicode run FILE [ARGS...]`; `phicode -m MODULE` runs a module.
#[derive(Debug, Parser)]
#[command(name = "phicode", version = VERSION, about, long_about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a φ program like `python3 FILE` (FILE defaults to ./main.φ), or a module with -m.
    Run(RunArgs),
    /// List the Python interpreters phicode can run programs with, and their versions.
    Interpreters,
    /// Create, show or reset the dialect config (`.(φ)/config.json`).
    Config(ConfigArgs),
    /// Convert φ to Python or Python to φ (stdout, or a file with -o).
    Convert(ConvertArgs),
    /// List the symbol table (defaults plus the config's dialect).
    Symbols(SymbolsArgs),
    /// Report dialect conflicts and lexical errors of φ files.
    Check(CheckArgs),
    /// An interactive φ/Python session (multi-line cells, completion, `\for`+Tab → `∀`).
    Repl(ReplArgs),
    /// List and answer the questions (`input()`, `approve()`) that live sessions wait on.
    Promise(PromiseArgs),
    /// List, show or remove the named sessions (`phicode repl --session NAME`).
    Sessions(SessionsArgs),
    /// Serve the HTTP and WebSocket API (convert, execute, sessions, promises).
    Serve(ServeArgs),
    /// The language server for editors, over stdin/stdout (φ diagnostics, hover,
    /// completion; Python intelligence from pyright on the transpiled text).
    Lsp(LspArgs),
    /// A Jupyter kernel (`-f CONNECTION_FILE`), or `install` / `list` its kernelspecs.
    Kernel(KernelArgs),
    /// Serve one interactive session over stdin/stdout (started by a session host).
    #[command(hide = true)]
    Worker(WorkerArgs),
}

/// Which language to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// φ → Python.
    Python,
    /// Python → φ.
    Phicode,
}

/// `phicode convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Direction; by default from the extension (`.φ`/`.phi` → python, `.py` → phicode).
    #[arg(long, value_enum)]
    pub to: Option<Target>,
    /// Dialect config to use instead of the discovered `.(φ)/config.json`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The source; `-` or nothing reads standard input (as φ unless --to says otherwise).
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
}

/// `phicode symbols`.
#[derive(Debug, clap::Args)]
pub struct SymbolsArgs {
    /// Print JSON (`python_to_phicode`, `phicode_to_python`, `symbols`) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Dialect config to use instead of the discovered one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `phicode check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// φ files to check.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Dialect config to use instead of each file's discovered one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}
