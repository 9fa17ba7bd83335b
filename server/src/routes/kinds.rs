//! The kinds of session a client may ask for: its security level and its durability.

use phicode_security::Level;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A security level (README's "Security levels").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LevelName {
    /// CPython for WASI in wasmtime.
    Sandbox,
    /// Landlock, seccomp and rlimits; no files but a scratch folder, no network.
    Restricted,
    /// As restricted, plus capabilities through the host.
    Standard,
    /// As standard, plus processes and the environment.
    Trusted,
    /// Nothing checked.
    Unrestricted,
}

impl From<LevelName> for Level {
    fn from(name: LevelName) -> Self {
        match name {
            LevelName::Sandbox => Level::Sandbox,
            LevelName::Restricted => Level::Restricted,
            LevelName::Standard => Level::Standard,
            LevelName::Trusted => Level::Trusted,
            LevelName::Unrestricted => Level::Unrestricted,
        }
    }
}

/// How long a session's state lives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Durability {
    /// As long as the session's worker: a crash or a server restart loses its names.
    #[default]
    Ephemeral,
    /// Executions and questions are durable promises; its names are checkpointed into the
    /// server's state folder after each pause and when the server stops; a dead worker is
    /// replaced with them restored; the next server over the same folder resumes it.
    Durable,
}
