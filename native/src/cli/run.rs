//! Arguments of `phicode run` (and its shorthand), `phicode config`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use phicode_security::Level;

/// `phicode run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Run a module (like `python3 -m`) instead of a file.
    #[arg(short = 'm', value_name = "MODULE", conflicts_with = "command")]
    pub module: Option<String>,
    /// Run CODE (φ or Python), like `python3 -c`; what follows is its `sys.argv[1:]`.
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    pub command: Option<String>,
    /// python3's own flags given before the program (`-O`, `-X dev`, `-W error`, `-B`,
    /// `-u`, `-I`, ...), one token each, in order: CPython reads them as python3 does.
    #[arg(long = "python-flag", hide = true, allow_hyphen_values = true)]
    pub python_flags: Vec<String>,
    /// Print phase timings and cache hits/misses to stderr.
    #[arg(long)]
    pub debug: bool,
    /// Dialect config to use instead of the discovered one (also $PHICODE_CONFIG, which
    /// phicode sets for the processes multiprocessing starts, so they use the same one).
    #[arg(long, value_name = "FILE", env = "PHICODE_CONFIG")]
    pub config: Option<PathBuf>,
    /// What the program may do: restricted, standard or trusted confine it (Landlock,
    /// seccomp, rlimits, a clean environment, a scratch folder as its working folder);
    /// unrestricted, the default, checks nothing. See README's "Security levels".
    #[arg(long, default_value = "unrestricted", value_parser = clap::value_parser!(Level))]
    pub level: Level,
    /// Policy file giving each level its grant (default: the built-in policy).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Which interpreter runs the program.
    #[command(flatten)]
    pub interpreter: InterpreterArgs,
    /// The φ file (unless -m), then the program's own arguments.
    #[arg(value_name = "FILE [ARGS]", trailing_var_arg = true, allow_hyphen_values = true)]
    pub program: Vec<OsString>,
}

/// Interpreter selection flags.
#[derive(Debug, Clone, clap::Args)]
pub struct InterpreterArgs {
    /// Run under PyPy (`PHIPY_PATH`, else `pypy3` on PATH).
    #[arg(long, conflicts_with_all = ["python", "interpreter"])]
    pub pypy: bool,
    /// Run under this external Python interpreter.
    #[arg(long, value_name = "PATH", conflicts_with = "interpreter")]
    pub python: Option<PathBuf>,
    /// embedded (default), cpython (`PHITON_PATH` or python3), pypy, or auto.
    #[arg(long, value_enum, value_name = "NAME")]
    pub interpreter: Option<InterpreterChoice>,
}

/// Named interpreters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InterpreterChoice {
    /// The CPython inside the phicode binary.
    Embedded,
    /// An external CPython: `PHITON_PATH`, else `python3` on PATH.
    Cpython,
    /// PyPy: `PHIPY_PATH`, else `pypy3` on PATH.
    Pypy,
    /// PyPy when installed and the program imports no C-extension packages, else embedded.
    Auto,
}

/// `phicode config`.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ConfigAction,
}

/// `phicode config` actions.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Create `.(φ)/config.json` in the current folder (refuses to overwrite one).
    Init,
    /// Show which config applies here, its entries and any problems.
    Show,
    /// Rewrite the config that applies here to the default (empty dialect).
    Reset,
}
