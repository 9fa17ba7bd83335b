//! Capability calls and audit events: a cell asks the host to do what its level does not
//! let it do itself (`fs.read`, `net.connect`, ...), and the worker reports what its audit
//! hooks saw, for the host's audit log.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `call` (worker → host): a cell calls a capability the host serves. The envelope id is
/// the call id, `{execution_id}:call:{n}` for the n-th of the execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// The calling execution.
    pub execution_id: String,
    /// The capability (`fs.write`).
    pub capability: String,
    /// Its arguments, a JSON object (`{"path": ..., "text": ...}`).
    pub arguments: Value,
}

/// Why a call gave no value; the cell raises the matching exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallFailure {
    /// The session's grant does not include the capability, or the policy or a person
    /// refused: PermissionError.
    Denied,
    /// The arguments are wrong: TypeError.
    BadArguments,
    /// Allowed, but it failed (no such file, connection refused): OSError.
    Failed,
}

/// `call_reply` (host → worker): the answer to a `call`, a value or a failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallReply {
    /// The `call` message's id.
    pub call_id: String,
    /// The value, when it succeeded.
    #[serde(default)]
    pub value: Value,
    /// Why it failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<CallFailure>,
    /// The failure in words, naming the capability or level that would allow it.
    #[serde(default)]
    pub message: String,
}

/// `audit` (worker → host): an audit-hook event inside the worker (an observation: the
/// confinement, not the hook, decides what happens).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// The running execution, if any.
    pub execution_id: Option<String>,
    /// CPython's event name (`open`, `socket.connect`, `subprocess.Popen`, ...).
    pub event: String,
    /// Its arguments, each as `repr()` text.
    pub arguments: Vec<String>,
}
