//! The supervisor of one worker: the single reader of its messages, which routes each to
//! the execution or request it belongs to, and notices at once when the process dies.

use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::io::BufReader;
use tokio::process::{Child, ChildStdout};
use tokio::sync::oneshot;

use super::event::Event;
use super::shared::Shared;
use super::spawn::{StderrTail, describe_exit};
use super::state::Direction;
use crate::protocol::{Envelope, ErrorKind, ErrorMessage, Message, decode, read_frame_async};

/// After the process exits, frames it wrote before are still read for this long.
const DRAIN: Duration = Duration::from_millis(200);

/// Runs until the worker is gone, then reports it to whoever waited.
pub async fn run(
    shared: Weak<Shared>,
    generation: u64,
    child: Child,
    mut stdout: BufReader<ChildStdout>,
    stderr: StderrTail,
    kill: oneshot::Receiver<()>,
) {
    let (exited_tx, mut exited) = oneshot::channel();
    tokio::spawn(reap(child, kill, exited_tx));
    let limit = match shared.upgrade() {
        Some(s) => s.config.max_frame_bytes,
        None => return,
    };
    let mut status = None;
    loop {
        let frame = tokio::select! {
            frame = read_frame_async(&mut stdout, limit) => frame,
            exit = &mut exited, if status.is_none() => {
                // A forked child may hold the pipe open: read what is there, then stop.
                status = Some(exit.ok().flatten());
                match tokio::time::timeout(DRAIN, read_frame_async(&mut stdout, limit)).await {
                    Ok(frame) => frame,
                    Err(_) => break,
                }
            }
        };
        let Some(shared) = shared.upgrade() else { return };
        match frame {
            Ok(Some(payload)) => match decode(&payload, shared.config.format) {
                Ok(envelope) => route(&shared, generation, envelope).await,
                Err(e) => shared.protocol_error(e.to_string()),
            },
            Ok(None) | Err(_) => break,
        }
    }
    let status = match status {
        Some(status) => status,
        None => exited.await.ok().flatten(),
    };
    if let Some(shared) = shared.upgrade() {
        let mut why = describe_exit(status);
        let tail = stderr.text();
        if !tail.trim().is_empty() {
            why = format!("{why}\n--- worker stderr (last lines) ---\n{}", tail.trim_end());
        }
        shared.worker_gone(generation, why, ErrorKind::WorkerDied).await;
    }
}

/// Waits for the process to exit, killing it when asked (or when the session is dropped).
async fn reap(
    mut child: Child,
    kill: oneshot::Receiver<()>,
    exited: oneshot::Sender<Option<std::process::ExitStatus>>,
) {
    tokio::select! {
        status = child.wait() => { let _ = exited.send(status.ok()); return; }
        _ = kill => { let _ = child.start_kill(); }
    }
    let _ = exited.send(child.wait().await.ok());
}

async fn route(shared: &Arc<Shared>, generation: u64, envelope: Envelope) {
    shared.intercept(Direction::Incoming, &envelope);
    let id = envelope.id.clone();
    let event = match envelope.body {
        Message::Output(m) => Event::Output(m),
        Message::Display(m) => Event::Display(m),
        Message::Input(input) => Event::Input { input_id: id, input },
        Message::Result(m) => Event::Result(m),
        Message::Error(m) => return shared.error(generation, m).await,
        Message::Heartbeat(h) => return shared.heartbeat(h),
        // Every reply names its request.
        body if body.request_id().is_some() => return shared.reply(body),
        body => return shared.unsolicited(Envelope { id, timestamp: envelope.timestamp, body }),
    };
    deliver(shared, event, envelope.timestamp).await;
}

/// Hands an event to its execution, waiting while its buffer is full (backpressure).
pub async fn deliver(shared: &Arc<Shared>, event: Event, timestamp: f64) {
    let execution = match &event {
        Event::Output(m) => m.execution_id.clone(),
        Event::Display(m) => m.execution_id.clone(),
        Event::Input { input, .. } => Some(input.execution_id.clone()),
        Event::Result(m) => Some(m.execution_id.clone()),
        Event::Error(m) => m.execution_id.clone(),
    };
    let terminal = event.is_terminal();
    let target = execution.as_deref().and_then(|e| shared.target(e, terminal.then_some(&event)));
    let Some(target) = target else {
        // Output of a task whose cell has finished, and the like.
        if let Event::Input { input_id, .. } = &event {
            shared.answer_eof(input_id.clone()).await;
        }
        return shared.unsolicited_event(event, timestamp);
    };
    if let Err(unsent) = target.send(event).await
        && let Event::Input { input_id, .. } = unsent.0
    {
        // Nobody reads this execution any more: input() gets EOF instead of hanging.
        shared.answer_eof(input_id).await;
    }
}

/// The `error` message for executions of a worker that went away.
pub fn gone_error(execution: &str, kind: ErrorKind, why: &str) -> ErrorMessage {
    let name = if kind == ErrorKind::Restarted { "SessionRestarted" } else { "WorkerDied" };
    ErrorMessage::synthetic(Some(execution.to_owned()), kind, name, why)
}
