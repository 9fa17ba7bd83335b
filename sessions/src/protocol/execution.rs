//! The messages of an execution: `execute`, what it produces (`output`, `display`,
//! `input`), the host's `input_response`, and how it ends (`result` or `error`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub(crate) fn yes() -> bool {
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
