//! What an execution produces, and the handle that streams it.

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::sync::mpsc;

use crate::protocol::{Approval, Display, ErrorMessage, ExecResult, Input, Output, StreamName};

/// One thing an execution produced. The last one is always `Result` or `Error`.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// stdout/stderr text.
    Output(Output),
    /// A rich display.
    Display(Display),
    /// The code waits in `input()`: answer with `Session::input_response(input_id, ..)`.
    Input {
        /// The input request's id.
        input_id: String,
        /// The request.
        input: Input,
    },
    /// The code waits in `approve()`: answer with `Session::approval_response(approval_id, ..)`.
    Approval {
        /// The approval's id.
        approval_id: String,
        /// The request.
        approval: Approval,
    },
    /// Finished; the final expression's value.
    Result(ExecResult),
    /// Failed (exception, cancel, interrupt, or the worker died).
    Error(ErrorMessage),
}

impl Event {
    /// True for `Result` and `Error`.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Result(_) | Self::Error(_))
    }
}

/// A running execution: a stream of [`Event`]s ending with its result or error.
#[derive(Debug)]
pub struct Execution {
    id: String,
    events: mpsc::Receiver<Event>,
}

/// Everything an execution produced, gathered by [`Execution::collect`].
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// All stdout text.
    pub stdout: String,
    /// All stderr text.
    pub stderr: String,
    /// Every event, in order, the terminal one included.
    pub events: Vec<Event>,
}

impl Collected {
    /// Adds `event`, and its text to `stdout` or `stderr` when it is output.
    pub fn push(&mut self, event: Event) {
        if let Event::Output(o) = &event {
            match o.stream {
                StreamName::Stdout => self.stdout.push_str(&o.data),
                StreamName::Stderr => self.stderr.push_str(&o.data),
            }
        }
        self.events.push(event);
    }

    /// The result, if the execution succeeded.
    pub fn result(&self) -> Option<&ExecResult> {
        self.events.iter().rev().find_map(|e| match e {
            Event::Result(r) => Some(r),
            _ => None,
        })
    }

    /// The error, if it failed.
    pub fn error(&self) -> Option<&ErrorMessage> {
        self.events.iter().rev().find_map(|e| match e {
            Event::Error(r) => Some(r),
            _ => None,
        })
    }
}

impl Execution {
    pub(crate) fn new(id: String, events: mpsc::Receiver<Event>) -> Self {
        Self { id, events }
    }

    /// The execution id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The next event; `None` after the terminal one.
    pub async fn next(&mut self) -> Option<Event> {
        self.events.recv().await
    }

    /// Waits for the end, gathering everything (for code that does not call `input()`).
    pub async fn collect(mut self) -> Collected {
        let mut collected = Collected::default();
        while let Some(event) = self.next().await {
            collected.push(event);
        }
        collected
    }
}

impl futures_core::Stream for Execution {
    type Item = Event;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        self.events.poll_recv(cx)
    }
}
