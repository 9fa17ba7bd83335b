//! Approvals: code asks a person (or a policy) to allow something with `approve(prompt,
//! data)`, and waits for the answer, which may be a long time coming.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `approval` (worker → host): the code waits in `approve()`. The envelope id is the
/// approval id, `{execution_id}:approve:{n}` for the n-th of the execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    /// The waiting execution.
    pub execution_id: String,
    /// What is asked, in words.
    pub prompt: String,
    /// What the approval is about, as JSON (a path, a host, an amount, ...).
    #[serde(default)]
    pub data: Value,
}

/// How an approval was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// `approve()` returns True.
    Granted,
    /// `approve()` returns False.
    Denied,
    /// Nobody answered in time: `approve()` raises TimeoutError.
    TimedOut,
}

/// `approval_response` (host → worker): the answer to an `approval`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovalResponse {
    /// The `approval` message's id.
    pub approval_id: String,
    /// The answer.
    pub verdict: Verdict,
}
