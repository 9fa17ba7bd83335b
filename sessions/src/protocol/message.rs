//! The messages host and worker exchange: one envelope (`id`, `timestamp`, `type`) around
//! one body per message type. Field names and meanings are documented in `PROTOCOL.md`.

use serde::{Deserialize, Serialize};

pub use super::approval::*;
pub use super::calls::*;
pub use super::execution::*;
pub use super::requests::*;

/// The protocol version a worker announces in `ready`; a host refuses any other.
pub const PROTOCOL_VERSION: u32 = 3;

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
    /// Worker → host: the code called `approve()`; answer with `approval_response`.
    Approval(Approval),
    /// Host → worker: the answer to an `approval`.
    ApprovalResponse(ApprovalResponse),
    /// Worker → host: the code called a capability the host serves; answer with
    /// `call_reply`.
    Call(Call),
    /// Host → worker: the answer to a `call`.
    CallReply(CallReply),
    /// Worker → host: what an audit hook saw, for the audit log.
    Audit(AuditEvent),
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
    /// Host → worker: documentation of the name at a cursor position.
    Inspect(Inspect),
    /// Worker → host: the documentation.
    InspectReply(InspectReply),
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
            Self::Approval(_) => "approval",
            Self::ApprovalResponse(_) => "approval_response",
            Self::Call(_) => "call",
            Self::CallReply(_) => "call_reply",
            Self::Audit(_) => "audit",
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
            Self::Inspect(_) => "inspect",
            Self::InspectReply(_) => "inspect_reply",
        }
    }

    /// The execution this message belongs to, if any.
    pub fn execution_id(&self) -> Option<&str> {
        match self {
            Self::Output(m) => m.execution_id.as_deref(),
            Self::Display(m) => m.execution_id.as_deref(),
            Self::Input(m) => Some(&m.execution_id),
            Self::Approval(m) => Some(&m.execution_id),
            Self::Call(m) => Some(&m.execution_id),
            Self::Audit(m) => m.execution_id.as_deref(),
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
            Self::InspectReply(m) => Some(&m.request_id),
            _ => None,
        }
    }
}
