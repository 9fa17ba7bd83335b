//! [`Outcome`]: what an execution left, as stored in its durable promise and replayed to
//! whoever runs the same id again.

use phicode_sessions::host::{Collected, Event};
use phicode_sessions::protocol::{Display, ErrorMessage, ExecResult};
use serde::{Deserialize, Serialize};

/// An execution's output and how it ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
    /// Rich displays, in order.
    pub displays: Vec<Display>,
    /// The result, or the error it failed with.
    pub end: End,
}

/// How an execution ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// It finished; its final expression's value.
    Result(ExecResult),
    /// It raised, was stopped, or its worker died.
    Error(ErrorMessage),
}

impl Outcome {
    /// The outcome of collected events (whose last one is the terminal event).
    pub fn from_collected(collected: Collected) -> Option<Self> {
        let mut displays = Vec::new();
        let mut end = None;
        for event in collected.events {
            match event {
                Event::Display(d) => displays.push(d),
                Event::Result(r) => end = Some(End::Result(r)),
                Event::Error(e) => end = Some(End::Error(e)),
                Event::Output(_) | Event::Input { .. } | Event::Approval { .. } => {}
            }
        }
        Some(Self { stdout: collected.stdout, stderr: collected.stderr, displays, end: end? })
    }

    /// The result, if it succeeded.
    pub fn result(&self) -> Option<&ExecResult> {
        match &self.end {
            End::Result(r) => Some(r),
            End::Error(_) => None,
        }
    }

    /// Replaces the message of the error it failed with (saying what a recovery did).
    pub fn interrupted(&mut self, message: &str) {
        if let End::Error(error) = &mut self.end {
            // The traceback ends with the old message: it must say the same as the error.
            if !error.exception_message.is_empty() {
                error.traceback = error.traceback.replace(&error.exception_message, message);
            }
            error.exception_message = message.to_owned();
        }
    }

    /// The error, if it failed.
    pub fn error(&self) -> Option<&ErrorMessage> {
        match &self.end {
            End::Result(_) => None,
            End::Error(e) => Some(e),
        }
    }
}
