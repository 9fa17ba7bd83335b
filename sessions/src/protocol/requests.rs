//! The messages about the session rather than one execution: checkpoints and restores,
//! the handshake, heartbeats, shutdown, stopping code, and editing help.

use serde::{Deserialize, Serialize};

use super::execution::yes;

/// A namespace entry a checkpoint or restore left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// The name.
    pub name: String,
    /// The value's type.
    pub type_name: String,
    /// Why (the pickling or unpickling error).
    pub reason: String,
}

/// `checkpoint`: from the host, a request (`request_id` none, no data); from the worker,
/// the checkpoint (`request_id` = the request's id, with `data` or written to `path`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The request this answers (worker → host only).
    #[serde(default)]
    pub request_id: Option<String>,
    /// The checkpoint bytes (when no `path`).
    #[serde(default, with = "serde_bytes")]
    pub data: Option<Vec<u8>>,
    /// Request: write the checkpoint to this file instead; reply: where it was written.
    #[serde(default)]
    pub path: Option<String>,
    /// Names saved.
    #[serde(default)]
    pub namespace_size: u64,
    /// Function sources saved.
    #[serde(default)]
    pub function_count: u64,
    /// Class sources saved.
    #[serde(default)]
    pub class_count: u64,
    /// Size of the checkpoint in bytes.
    #[serde(default)]
    pub checkpoint_size: u64,
    /// Names that could not be saved.
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}

/// `restore`: load a checkpoint (bytes or a file) into the namespace, merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restore {
    /// The checkpoint bytes.
    #[serde(default, with = "serde_bytes")]
    pub data: Option<Vec<u8>>,
    /// Or a file holding them.
    #[serde(default)]
    pub path: Option<String>,
    /// Remove the user's names first (engine names always stay).
    #[serde(default = "yes")]
    pub clear_existing: bool,
}

/// `restore_reply`: what a restore loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestoreReply {
    /// The `restore` message's id.
    pub request_id: String,
    /// Names now bound from the checkpoint.
    pub restored: Vec<String>,
    /// Names that could not be loaded.
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}

/// `ready`: the worker's first message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ready {
    /// The session's id.
    pub session_id: String,
    /// Optional features (`async`, `phicode`, `checkpoint`, `display`, `complete`, ...).
    pub capabilities: Vec<String>,
    /// [`PROTOCOL_VERSION`](super::PROTOCOL_VERSION) of the worker.
    pub protocol_version: u32,
    /// The phicode version of the worker.
    pub worker_version: String,
    /// The embedded Python's version (`3.11.7`).
    pub python_version: String,
    /// The worker's process id.
    pub pid: u32,
    /// The largest frame the worker accepts and sends.
    pub max_frame_bytes: u32,
}

/// `heartbeat`: the worker's resource use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heartbeat {
    /// Resident memory in bytes.
    pub memory_usage: u64,
    /// CPU use since the last heartbeat, percent of one core.
    pub cpu_percent: f64,
    /// Names in the namespace.
    pub namespace_size: u64,
    /// The running execution, if any.
    #[serde(default)]
    pub execution_id: Option<String>,
}

/// `shutdown`: exit after the running execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shutdown {
    /// Why (for logs).
    pub reason: String,
    /// Send a `checkpoint` (answering this message's id) before exiting.
    #[serde(default)]
    pub checkpoint: bool,
}

/// `cancel`: stop cooperatively.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cancel {
    /// The execution (running or queued).
    pub execution_id: String,
    /// After this long still running, the worker interrupts it.
    #[serde(default)]
    pub grace_timeout_ms: Option<u64>,
}

/// `interrupt`: KeyboardInterrupt in the running code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interrupt {
    /// The execution; none means whatever runs.
    #[serde(default)]
    pub execution_id: Option<String>,
    /// The host restarts the worker instead (the worker never sees this set).
    #[serde(default)]
    pub force_restart: bool,
}

/// `complete`: completions for `code` at `cursor_pos` (in characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Complete {
    /// The text being edited.
    pub code: String,
    /// Cursor position in characters.
    pub cursor_pos: u64,
}

/// `complete_reply`: the completions replace `code[cursor_start..cursor_end]` (characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompleteReply {
    /// The `complete` message's id.
    pub request_id: String,
    /// Candidate texts.
    pub matches: Vec<String>,
    /// Start of the replaced range.
    pub cursor_start: u64,
    /// End of the replaced range.
    pub cursor_end: u64,
}

/// `is_complete`: could `code` run as it is?
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IsComplete {
    /// The text typed so far.
    pub code: String,
}

/// The answer to `is_complete`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    /// Run it.
    Complete,
    /// It needs more lines.
    Incomplete,
    /// It cannot be completed (a syntax error); running it shows the error.
    Invalid,
}

/// `is_complete_reply`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IsCompleteReply {
    /// The `is_complete` message's id.
    pub request_id: String,
    /// The verdict.
    pub status: Completeness,
    /// For `incomplete`: the indentation of the next line.
    #[serde(default)]
    pub indent: String,
}

/// `inspect`: what is the name at `cursor_pos` (characters)?
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inspect {
    /// The text being edited.
    pub code: String,
    /// Cursor position in characters (inside or just after the name).
    pub cursor_pos: u64,
    /// 0: signature and docstring; 1: also the source, when there is one.
    #[serde(default)]
    pub detail_level: u8,
}

/// `inspect_reply`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectReply {
    /// The `inspect` message's id.
    pub request_id: String,
    /// Whether the name was found.
    pub found: bool,
    /// MIME bundle (`text/plain`) of the documentation.
    #[serde(default)]
    pub data: serde_json::Map<String, serde_json::Value>,
}
