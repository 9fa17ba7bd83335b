//! Arguments of `phicode promise`.

/// `phicode promise`: the questions (`input()`, `approve()`) that durable sessions wait on
/// (those running on this machine, and those on a Resonate server), settled by id from here.
#[derive(Debug, clap::Args)]
pub struct PromiseArgs {
    /// Also the questions of remote-mode sessions kept on this Resonate server (default:
    /// $RESONATE_URL), whichever host asked them.
    #[arg(long, value_name = "URL", env = "RESONATE_URL", global = true)]
    pub resonate_url: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub action: PromiseAction,
}

/// `phicode promise` actions.
#[derive(Debug, clap::Subcommand)]
pub enum PromiseAction {
    /// List the open questions of every live session: id, kind, prompt.
    List,
    /// Answer a question: `input()` gets VALUE as its line, `approve()` returns True.
    Resolve {
        /// The promise id (`<execution>:input:<n>`, `<execution>:approve:<n>`).
        id: String,
        /// The line for `input()` (default: an empty line).
        #[arg(default_value = "")]
        value: String,
    },
    /// Refuse a question: `input()` raises EOFError, `approve()` returns False.
    Reject {
        /// The promise id.
        id: String,
    },
}
