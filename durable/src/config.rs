//! How a durable session keeps its state: where its promises live, its checkpoints, what
//! a crash does, how long questions wait.

use std::path::PathBuf;
use std::time::Duration;

use crate::recovery::OnCrash;

/// Where durable promises live.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Durability {
    /// In this process (`Resonate::local()`): nothing to run, nothing outlives it.
    #[default]
    Local,
    /// On a Resonate server at this URL: promises outlive the process and the machine.
    Remote(String),
}

/// How a durable session keeps its state.
#[derive(Debug, Clone)]
pub struct DurableConfig {
    /// Where promises live.
    pub durability: Durability,
    /// The state folder; `None`: `$XDG_STATE_HOME/phicode/sessions/<session id>`.
    pub state_dir: Option<PathBuf>,
    /// Take checkpoints (and restore them after a crash).
    pub checkpoints: bool,
    /// How long the session must be idle after a successful execution before its
    /// namespace is checkpointed.
    pub checkpoint_idle: Duration,
    /// What happens to an execution whose worker died.
    pub on_crash: OnCrash,
    /// Remote mode: how long an execution stays leased to a host that stopped answering
    /// before another host of the group takes it over (Resonate's ttl; default 60 s).
    pub lease: Option<Duration>,
    /// How long `input()` and `approve()` wait for their promise to be settled; then the
    /// promise is rejected and the code gets EOFError or TimeoutError. `None`: forever.
    pub question_timeout: Option<Duration>,
}

impl Default for DurableConfig {
    fn default() -> Self {
        Self {
            durability: Durability::Local,
            state_dir: None,
            checkpoints: true,
            checkpoint_idle: Duration::from_millis(50),
            on_crash: OnCrash::Report,
            lease: None,
            question_timeout: None,
        }
    }
}
