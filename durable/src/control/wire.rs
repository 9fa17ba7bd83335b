//! The control socket's messages, one JSON object per line each way.

use serde::{Deserialize, Serialize};

use crate::open::Open;

/// What `phicode promise` asks a host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// The questions waiting for an answer.
    List,
    /// Resolve the promise `id` with `value` (a line for `input()`, anything for
    /// `approve()`, which then returns True).
    Resolve {
        /// The promise id.
        id: String,
        /// The answer.
        #[serde(default)]
        value: String,
    },
    /// Reject the promise `id` (`input()`: EOFError; `approve()`: False).
    Reject {
        /// The promise id.
        id: String,
    },
}

/// A host's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The open questions of the session.
    Open {
        /// The session id.
        session: String,
        /// Its questions.
        questions: Vec<Open>,
    },
    /// The promise was settled.
    Settled,
    /// This host has no such promise.
    Unknown,
    /// The promise exists but could not be settled (already settled, ...).
    Failed(String),
}
