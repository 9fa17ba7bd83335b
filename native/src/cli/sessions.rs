//! Arguments of `phicode sessions`.

/// `phicode sessions`: the named sessions kept in `$XDG_STATE_HOME/phicode/sessions`.
#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: SessionsAction,
}

/// `phicode sessions` actions.
#[derive(Debug, clap::Subcommand)]
pub enum SessionsAction {
    /// Each session: whether it runs now, its last checkpoint (cell, names, size, age).
    List,
    /// One session in full: its folder, checkpoint, open questions and latest history.
    Show {
        /// The session's name.
        name: String,
    },
    /// Delete a session that is not running (its checkpoint and history).
    Rm {
        /// The session's name.
        name: String,
    },
}
