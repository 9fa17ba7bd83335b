//! A call to a capability: what the host decides, the trait a capability implements,
//! and how a call fails.

use serde_json::Value;

use crate::policy::Grant;

/// What the host does with a call, decided before doing anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Within the grant: do it.
    Allow,
    /// Beyond the grant: do it only if a person approves `prompt` (about `data`).
    Ask {
        /// The question, in words.
        prompt: String,
        /// What it is about (a path, a host), as JSON.
        data: Value,
    },
}

/// Why a call did not give a value. The cell sees each as an exception.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// The arguments are not what the capability takes (TypeError in the cell).
    #[error("{0}")]
    BadArguments(String),
    /// The policy or a person said no (PermissionError in the cell).
    #[error("{0}")]
    Denied(String),
    /// Allowed, but the action failed (OSError in the cell).
    #[error("{0}")]
    Failed(String),
}

/// A capability served by the host. `check` must not act; `run` is called only after
/// `check` allowed it (or a person approved), on a thread where blocking is fine.
pub trait Capability: Send + Sync {
    /// The name in policies, in the audit log, and in the session (`db.query` is
    /// `db.query(...)` there).
    fn name(&self) -> &str;
    /// Whether `arguments` stay within `grant`.
    fn check(&self, arguments: &Value, grant: &Grant) -> Result<Decision, CallError>;
    /// Does it, returning a JSON value for the cell.
    fn run(&self, arguments: &Value) -> Result<Value, CallError>;
}

/// Argument `key` of `arguments` as a string.
pub(crate) fn string_argument<'a>(arguments: &'a Value, key: &str) -> Result<&'a str, CallError> {
    arguments
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| CallError::BadArguments(format!("missing string argument `{key}`")))
}
