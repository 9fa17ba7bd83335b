//! Arguments of `phicode lsp`.

/// `phicode lsp`: the language server, over stdin and stdout (see lsp/README.md).
#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// The Python language server to run on the transpiled text, as a command line
    /// (`none`: φ features only). By default `pyright-langserver --stdio` (or
    /// basedpyright's) from PATH.
    #[arg(long, env = "PHICODE_LSP_PYTHON_SERVER", value_name = "COMMAND")]
    pub python_server: Option<String>,
    /// Accepted for editors that always pass it: stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}
