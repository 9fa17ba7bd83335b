//! The host's messages, as they arrive: `interrupt`, `cancel` and `input_response` act on
//! the running cell at once; namespace work and editing requests wait in the queue (the
//! guest serves one request at a time, so editing help is answered between cells).

use std::time::{Duration, Instant};

use phicode_sessions::protocol::{Envelope, ErrorKind, ErrorMessage, Message};
use serde_json::json;

use super::state::Session;
use crate::guest::watch::Stop;

/// How long a cancelled cell gets to stop by itself when the host names no grace.
const DEFAULT_GRACE: Duration = Duration::from_millis(500);

/// Acts on one host message.
pub fn host(session: &mut Session, envelope: Envelope) {
    match &envelope.body {
        Message::Interrupt(m) => interrupt(session, m.execution_id.as_deref()),
        Message::Cancel(m) => cancel(session, &m.execution_id, m.grace_timeout_ms),
        Message::InputResponse(m) => {
            answer(
                session,
                &m.input_id,
                json!({"t": "input_response", "data": m.data, "eof": m.eof}),
            );
        }
        Message::Execute(_)
        | Message::Checkpoint(_)
        | Message::Restore(_)
        | Message::Shutdown(_)
        | Message::Complete(_)
        | Message::IsComplete(_)
        | Message::Inspect(_) => session.queue.push_back(envelope),
        other => {
            let text = format!("a worker does not accept `{}` messages", other.kind());
            protocol_error(session, Some(envelope.id.clone()), &text);
        }
    }
}

/// An `error` of kind `protocol` (an undecodable or unexpected message).
pub fn protocol_error(session: &Session, about: Option<String>, text: &str) {
    let error = ErrorMessage::synthetic(about, ErrorKind::Protocol, "ProtocolError", text);
    session.send(Message::Error(error));
}

/// KeyboardInterrupt in the guest's `input()` if it waits there (the instance lives on),
/// else the instance is ended.
fn interrupt(session: &mut Session, target: Option<&str>) {
    let Some(current) = session.current.as_mut() else { return };
    if target.is_some_and(|t| t != current.id) {
        return;
    }
    let Some(exec) = current.exec() else { return };
    if exec.answered {
        return;
    }
    if exec.waiting.take().is_some() {
        session.tell_guest(&json!({"t": "interrupt"}));
    } else {
        session.stop_guest(Stop::Interrupted);
    }
}

/// Cooperative first (a waiting `input()` gets EOFError), the instance ended after the
/// grace period; a queued cell fails at once.
fn cancel(session: &mut Session, execution_id: &str, grace_ms: Option<u64>) {
    let queued = session.queue.iter().position(|e| e.id == execution_id);
    if let Some(index) = queued {
        session.queue.remove(index);
        let about = Some(execution_id.to_owned());
        let why = "cancelled before it started";
        let error = ErrorMessage::synthetic(about, ErrorKind::Cancelled, "CancelledError", why);
        return session.send(Message::Error(error));
    }
    let Some(current) = session.current.as_mut().filter(|c| c.id == execution_id) else { return };
    let Some(exec) = current.exec().filter(|e| !e.answered) else { return };
    let grace = grace_ms.map_or(DEFAULT_GRACE, Duration::from_millis);
    exec.cancel_at = Some(Instant::now() + grace);
    if exec.waiting.take().is_some() {
        session.tell_guest(&json!({"t": "cancel"}));
    }
}

/// The time of the next grace period's end, if a cancelled cell still runs.
pub fn next_timer(session: &mut Session) -> Option<Instant> {
    session.current.as_mut()?.exec()?.cancel_at
}

/// Ends the cancelled cell whose grace period is over.
pub fn timers(session: &mut Session) {
    let due = next_timer(session).is_some_and(|at| at <= Instant::now());
    if due {
        if let Some(exec) = session.current.as_mut().and_then(|c| c.exec()) {
            exec.cancel_at = None;
        }
        session.stop_guest(Stop::Cancelled);
    }
}

/// Hands the host's answer to the `input()` waiting for `input_id`; the time it waited
/// does not count against the cell's budget.
fn answer(session: &mut Session, input_id: &str, line: serde_json::Value) {
    let Some(exec) = session.current.as_mut().and_then(|c| c.exec()) else { return };
    match exec.waiting.take() {
        Some((waiting, since)) if waiting == input_id => {
            session.guest.watch.extend(since.elapsed());
            session.tell_guest(&line);
        }
        other => exec.waiting = other,
    }
}
