//! What a session's event streams (WebSocket, SSE) carry, and the questions its code asks:
//! the JSON shapes, apart from the session that produces them.

use phicode_sessions::host::Event;
use phicode_sessions::protocol::StreamName;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// One event of a session, tagged by `type`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Streamed {
    /// An execution began.
    Started {
        /// Its id.
        execution_id: String,
    },
    /// Text on stdout or stderr.
    Output {
        /// The execution.
        execution_id: Option<String>,
        /// `stdout` or `stderr`.
        stream: String,
        /// The text.
        data: String,
    },
    /// A rich display (MIME type → data).
    Display {
        /// The execution.
        execution_id: Option<String>,
        /// The bundle.
        #[schema(value_type = Object)]
        data: serde_json::Map<String, Value>,
    },
    /// The code waits in `input()` or `approve()`: settle `promise_id`.
    Question(Question),
    /// A question was answered.
    Settled {
        /// The promise.
        promise_id: String,
    },
    /// The execution finished.
    Result {
        /// The execution.
        execution_id: String,
        /// `repr()` of the last expression's value.
        repr: Option<String>,
        /// Seconds it ran.
        execution_time: f64,
    },
    /// The execution failed.
    Error {
        /// The execution, if the error belongs to one.
        execution_id: Option<String>,
        /// The exception's class.
        exception_type: String,
        /// Its message.
        exception_message: String,
        /// The traceback.
        traceback: String,
    },
}

/// A question the code waits on: a promise anyone with the id may settle.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Question {
    /// The promise id.
    pub promise_id: String,
    /// `input` or `approval`.
    pub kind: String,
    /// What the code asked.
    pub prompt: String,
    /// The session asking (or the local durable session, for `source: local`).
    pub session_id: String,
    /// The waiting execution.
    pub execution_id: Option<String>,
    /// `server` (a session of this server) or `local` (a durable session on this machine).
    pub source: String,
}

impl Streamed {
    /// The stream form of a session event; questions come back as such for the caller to
    /// record.
    pub fn from_event(event: &Event, session_id: &str) -> Self {
        let question = |promise_id: &str, kind: &str, prompt: &str, execution_id: &str| {
            Self::Question(Question {
                promise_id: promise_id.into(),
                kind: kind.into(),
                prompt: prompt.into(),
                session_id: session_id.into(),
                execution_id: Some(execution_id.into()),
                source: "server".into(),
            })
        };
        match event {
            Event::Output(o) => Self::Output {
                execution_id: o.execution_id.clone(),
                stream: match o.stream {
                    StreamName::Stdout => "stdout".into(),
                    StreamName::Stderr => "stderr".into(),
                },
                data: o.data.clone(),
            },
            Event::Display(d) => {
                Self::Display { execution_id: d.execution_id.clone(), data: d.data.clone() }
            }
            Event::Input { input_id, input } => {
                question(input_id, "input", &input.prompt, &input.execution_id)
            }
            Event::Approval { approval_id, approval } => {
                question(approval_id, "approval", &approval.prompt, &approval.execution_id)
            }
            Event::Result(r) => Self::Result {
                execution_id: r.execution_id.clone(),
                repr: r.repr.clone(),
                execution_time: r.execution_time,
            },
            Event::Error(e) => Self::Error {
                execution_id: e.execution_id.clone(),
                exception_type: e.exception_type.clone(),
                exception_message: e.exception_message.clone(),
                traceback: e.traceback.clone(),
            },
        }
    }
}
