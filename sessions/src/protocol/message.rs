//! The messages host and worker exchange: one envelope (`id`, `timestamp`, `type`) around
//! one body per message type. Field names and meanings are documented in `PROTOCOL.md`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The protocol version a worker announces in `ready`; a host refuses any other.
pub const PROTOCOL_VERSION: u32 = 1;

/// One message on the wire: an id unique within the session, a Unix timestamp, a body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Unique message id; for `execute` it is the execution id the caller chose.
    pub id: String,
    /// Seconds since the Unix epoch when the message was made.
    pub timestamp: f64,
    /// The message itself, tagged by `type`.
    #[serde(flatten)]
    pub body: Message,
}

impl Envelope {
    /// An envelope stamped with the current time.
    pub fn new(id: impl Into<String>, body: Message) -> Self {
        Self { id: id.into(), timestamp: now(), body }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Every message type, both directions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Message {
    /// Host → worker: run a cell.
    Execute(Execute),
    /// Worker → host: text the code wrote to stdout or stderr.
    Output(Output),
    /// Worker → host: a rich value shown with `display()`.
    Display(Display),
    /// Worker → host: the code called `input()`; answer with `input_response`.
    Input(Input),
    /// Host → worker: the answer to an `input`.
    InputResponse(InputResponse),
    /// Worker → host: an execution finished; always after all its output.
    Result(ExecResult),
    /// Worker → host: an execution (or a request) failed.
    Error(ErrorMessage),
    /// Host → worker: make a checkpoint; worker → host: the checkpoint made.
    Checkpoint(Checkpoint),
    /// Host → worker: load a checkpoint into the namespace.
    Restore(Restore),
    /// Worker → host: what a `restore` loaded.
    RestoreReply(RestoreReply),
    /// Worker → host, first message: the worker is ready (version handshake).
    Ready(Ready),
    /// Worker → host, periodically: resource use.
    Heartbeat(Heartbeat),
    /// Host → worker: finish (optionally checkpointing first) and exit.
    Shutdown(Shutdown),
    /// Host → worker: stop an execution cooperatively, escalating after a grace period.
    Cancel(Cancel),
    /// Host → worker: raise KeyboardInterrupt in the running code now.
    Interrupt(Interrupt),
    /// Host → worker: completions at a cursor position.
    Complete(Complete),
    /// Worker → host: the completions.
    CompleteReply(CompleteReply),
    /// Host → worker: is this code a complete cell, or does it need more lines?
    IsComplete(IsComplete),
    /// Worker → host: the answer.
    IsCompleteReply(IsCompleteReply),
}

impl Message {
    /// The wire name of this message's type.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Execute(_) => "execute",
            Self::Output(_) => "output",
            Self::Display(_) => "display",
            Self::Input(_) => "input",
            Self::InputResponse(_) => "input_response",
            Self::Result(_) => "result",
            Self::Error(_) => "error",
            Self::Checkpoint(_) => "checkpoint",
            Self::Restore(_) => "restore",
            Self::RestoreReply(_) => "restore_reply",
            Self::Ready(_) => "ready",
            Self::Heartbeat(_) => "heartbeat",
            Self::Shutdown(_) => "shutdown",
            Self::Cancel(_) => "cancel",
            Self::Interrupt(_) => "interrupt",
            Self::Complete(_) => "complete",
            Self::CompleteReply(_) => "complete_reply",
            Self::IsComplete(_) => "is_complete",
            Self::IsCompleteReply(_) => "is_complete_reply",
        }
    }

    /// The execution this message belongs to, if any.
    pub fn execution_id(&self) -> Option<&str> {
        match self {
            Self::Output(m) => m.execution_id.as_deref(),
            Self::Display(m) => m.execution_id.as_deref(),
            Self::Input(m) => Some(&m.execution_id),
            Self::Result(m) => Some(&m.execution_id),
            Self::Error(m) => m.execution_id.as_deref(),
            Self::Cancel(m) => Some(&m.execution_id),
            Self::Interrupt(m) => m.execution_id.as_deref(),
            _ => None,
        }
    }

    /// The request a reply answers, if this is a reply.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Checkpoint(m) => m.request_id.as_deref(),
            Self::RestoreReply(m) => Some(&m.request_id),
            Self::CompleteReply(m) => Some(&m.request_id),
            Self::IsCompleteReply(m) => Some(&m.request_id),
            _ => None,
        }
    }
}

fn yes() -> bool {
    true
}

/// Which language a cell is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// φ when the cell uses a symbol of the table, Python otherwise.
    #[default]
    Auto,
    /// Python as it is.
    Python,
    /// φ, converted to Python first.
    Phicode,
}

/// What to do with the namespace when an execution ends (Capsule's transactions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionPolicy {
    /// Keep every change.
    #[default]
    CommitAlways,
    /// Undo the names the cell bound or deleted if it failed.
    RollbackOnFailure,
    /// Always undo them (a dry run).
    RollbackAlways,
}

/// `execute`: run `code`. The envelope id is the execution id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Execute {
    /// The cell's source.
    pub code: String,
    /// Its language.
    #[serde(default)]
    pub language: Language,
    /// Count it (execution_count, `In`, `Out`, `_`); false for tool-generated code.
    #[serde(default = "yes")]
    pub store_history: bool,
    /// Do not show the final expression's value (no `result` value, no `Out` entry).
    #[serde(default)]
    pub silent: bool,
    /// Groups executions for rollback.
    #[serde(default)]
    pub transaction_id: Option<String>,
    /// Namespace rollback policy.
    #[serde(default)]
    pub transaction_policy: TransactionPolicy,
    /// Remember the source of functions, classes and imports (for checkpoints).
    #[serde(default = "yes")]
    pub capture_source: bool,
    /// Whether `input()` may ask the host; if not it raises EOFError.
    #[serde(default = "yes")]
    pub allow_stdin: bool,
}

impl Execute {
    /// A request for `code` with the defaults.
    pub fn new(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            language: Language::Auto,
            store_history: true,
            silent: false,
            transaction_id: None,
            transaction_policy: TransactionPolicy::CommitAlways,
            capture_source: true,
            allow_stdin: true,
        }
    }
}

/// Which stream output went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StreamName {
    /// `sys.stdout` or file descriptor 1.
    Stdout,
    /// `sys.stderr` or file descriptor 2.
    Stderr,
}

/// `output`: text written while code ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// The execution that wrote it (tasks inherit their cell's); none between executions.
    pub execution_id: Option<String>,
    /// Which stream.
    pub stream: StreamName,
    /// The text.
    pub data: String,
}

/// `display`: a MIME bundle, like Jupyter's display_data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Display {
    /// The execution that displayed it.
    pub execution_id: Option<String>,
    /// MIME type → representation (`text/plain` always present).
    pub data: Map<String, Value>,
    /// MIME type → metadata.
    #[serde(default)]
    pub metadata: Map<String, Value>,
    /// Id for later updates of the same display.
    #[serde(default)]
    pub display_id: Option<String>,
    /// True when this replaces the display with `display_id`.
    #[serde(default)]
    pub update: bool,
}

/// `input`: the code waits for a line. The envelope id is the input id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// The waiting execution.
    pub execution_id: String,
    /// The prompt `input()` was given.
    pub prompt: String,
    /// True for `getpass()`: do not echo.
    #[serde(default)]
    pub password: bool,
    /// Seconds after which the worker gives up (EOFError); none waits forever.
    #[serde(default)]
    pub timeout: Option<f64>,
}

/// `input_response`: the line for an `input`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputResponse {
    /// The `input` message's id.
    pub input_id: String,
    /// The line, without its line break.
    pub data: String,
    /// End of input: `input()` raises EOFError.
    #[serde(default)]
    pub eof: bool,
}

/// How a cell was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecMode {
    /// Plain code, run directly on the worker's main thread.
    Sync,
    /// Top-level await: a task on the session's event loop.
    Async,
    /// Never ran (served from the host's record of a finished execution).
    Replayed,
}

/// `result`: an execution finished without an exception.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecResult {
    /// Which execution.
    pub execution_id: String,
    /// The final expression's value as JSON, when it is plain data.
    #[serde(default)]
    pub value: Option<Value>,
    /// `repr()` of the final expression's value; none when it was None or absent.
    #[serde(default)]
    pub repr: Option<String>,
    /// Rich representations (MIME bundle) of the value.
    #[serde(default)]
    pub data: Option<Map<String, Value>>,
    /// The cell's number (`In[n]`), if it was counted.
    #[serde(default)]
    pub execution_count: Option<u64>,
    /// Seconds the code ran.
    pub execution_time: f64,
    /// How it ran.
    pub mode: ExecMode,
}

/// What kind of failure an `error` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The code raised (SyntaxError included).
    #[default]
    Exception,
    /// Stopped by `cancel`.
    Cancelled,
    /// Stopped by `interrupt` (KeyboardInterrupt).
    Interrupted,
    /// The worker process died while the execution ran (set by the host).
    WorkerDied,
    /// The session was restarted while the execution ran (set by the host).
    Restarted,
    /// A request (checkpoint, restore, ...) could not be carried out.
    Request,
    /// A message could not be decoded or was not understood.
    Protocol,
}

/// One frame of a traceback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// The file (`<cell 3>` for cells).
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// The function.
    pub name: String,
    /// The source line, stripped.
    #[serde(default)]
    pub text: Option<String>,
}

/// `error`: an execution or request failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorMessage {
    /// The execution or request that failed; none for a protocol error about no request.
    pub execution_id: Option<String>,
    /// What kind of failure.
    #[serde(default)]
    pub kind: ErrorKind,
    /// The exception's class name (`ZeroDivisionError`, `WorkerDied`, ...).
    pub exception_type: String,
    /// `str()` of the exception.
    pub exception_message: String,
    /// The formatted traceback, as Python prints it, engine frames removed.
    pub traceback: String,
    /// The traceback's frames, innermost last.
    #[serde(default)]
    pub frames: Vec<Frame>,
    /// The cell's number, if it was counted.
    #[serde(default)]
    pub execution_count: Option<u64>,
    /// Seconds the code ran before failing.
    #[serde(default)]
    pub execution_time: Option<f64>,
}

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
    /// [`PROTOCOL_VERSION`] of the worker.
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
