//! Arguments of `phicode kernel`.

use std::path::PathBuf;

use phicode_security::Level;

use super::repl::session_name;

/// `phicode kernel`: a Jupyter kernel, or its kernelspec.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct KernelArgs {
    /// The connection file Jupyter starts the kernel with.
    #[arg(short = 'f', long = "connection-file", value_name = "FILE")]
    pub connection_file: Option<PathBuf>,
    /// Keep the names in the session NAME, which outlives the kernel (default: a session
    /// named after the connection file, kept across restarts, removed at shutdown).
    #[arg(long, value_name = "NAME", value_parser = session_name)]
    pub session: Option<String>,
    /// What code in the session may do (README's "Security levels").
    #[arg(long, default_value = "unrestricted", value_parser = clap::value_parser!(Level))]
    pub level: Level,
    /// Dialect config to use instead of the discovered `.(φ)/config.json`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Install or list kernelspecs.
    #[command(subcommand)]
    pub action: Option<KernelAction>,
}

/// `phicode kernel` actions.
#[derive(Debug, clap::Subcommand)]
pub enum KernelAction {
    /// Write the kernelspec Jupyter finds the kernel by (like `ipykernel install`).
    Install(InstallArgs),
    /// The kernelspecs Jupyter would find, phicode's marked.
    List,
}

/// `phicode kernel install`.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("place").multiple(false))]
pub struct InstallArgs {
    /// For this user only (the Jupyter data folder in HOME).
    #[arg(long, group = "place")]
    pub user: bool,
    /// Into the active venv or conda env ($VIRTUAL_ENV, $CONDA_PREFIX).
    #[arg(long, group = "place")]
    pub sys_prefix: bool,
    /// Into PREFIX/share/jupyter.
    #[arg(long, group = "place", value_name = "PREFIX")]
    pub prefix: Option<PathBuf>,
    /// The kernel's name.
    #[arg(long, default_value = "phicode")]
    pub name: String,
    /// The name shown in Jupyter's launcher.
    #[arg(long, default_value = "Phicode (φ)")]
    pub display_name: String,
    /// An environment variable the kernel starts with (repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub env: Vec<(String, String)>,
    /// Every kernel of this kernelspec keeps its names in session NAME.
    #[arg(long, value_name = "NAME", value_parser = session_name)]
    pub session: Option<String>,
    /// The level the kernel's code runs at.
    #[arg(long, value_parser = clap::value_parser!(Level))]
    pub level: Option<Level>,
}

fn key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err("use KEY=VALUE".into()),
    }
}
