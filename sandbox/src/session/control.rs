//! The host's messages, as they arrive: `interrupt`, `cancel`, `input_response` and
//! `approval_response` act on
//! the running cell at once; namespace work and editing requests wait in the queue (the
//! guest serves one request at a time, so editing help is answered between cells).

use std::time::{Duration, Instant};

use phicode_sessions::protocol::{Envelope, ErrorKind, ErrorMessage, Message, Verdict};
use serde_json::json;

use super::state::Session;
use crate::error::SandboxError;
use crate::event::Exit;
use crate::guest::watch::Stop;

/// How long a cancelled cell gets to stop by itself when the host names no grace.
const DEFAULT_GRACE: Duration = Duration::from_millis(500);
/// How long a stopped instance gets to reach an epoch check and trap: running wasm does
/// within a tick (10 ms), so one still going after this is blocked in a host call.
const ABANDON_AFTER: Duration = Duration::from_secs(1);

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
        Message::ApprovalResponse(m) => {
            let verdict = match m.verdict {
                Verdict::Granted => "granted",
                Verdict::Denied => "denied",
                Verdict::TimedOut => "timed_out",
            };
            answer(session, &m.approval_id, json!({"t": "approval_response", "verdict": verdict}));
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

/// The next moment the loop must act by itself: a cancelled cell's grace period ends, a
/// request's deadline passes (the guest normally traps by itself first), or a stopped
/// instance has had its time to end.
pub fn next_timer(session: &mut Session) -> Option<Instant> {
    let abandon = session.stopped_at.map(|at| at + ABANDON_AFTER);
    let exec = session.current.as_mut().and_then(|c| c.exec());
    let (cancel, waiting) = exec.map_or((None, false), |e| (e.cancel_at, e.waiting.is_some()));
    // Time spent waiting for the host's input does not count (see `answer`).
    let deadline =
        session.guest.watch.deadline().filter(|_| session.stopped_at.is_none() && !waiting);
    [abandon, deadline, cancel].into_iter().flatten().min()
}

/// Acts on the timers that are due. An instance that did not end within
/// [`ABANDON_AFTER`] of its stop is blocked in a host call (a long `select`, a read of
/// its own stdin), where epoch checks cannot reach it: it is left to end when the call
/// returns, and the session goes on with a fresh one.
pub fn timers(session: &mut Session) -> Result<(), SandboxError> {
    let now = Instant::now();
    if let Some(stopped) = session.stopped_at {
        if now >= stopped + ABANDON_AFTER {
            let why = session.guest.watch.stop_reason().unwrap_or(Stop::Interrupted);
            return super::recovery::instance_ended(session, &Exit::Stopped(why));
        }
        return Ok(());
    }
    let waiting =
        session.current.as_mut().and_then(|c| c.exec()).is_some_and(|e| e.waiting.is_some());
    if !waiting && session.guest.watch.deadline().is_some_and(|at| now >= at) {
        session.stop_guest(Stop::Time(session.limits.cell_time));
    }
    let exec = session.current.as_mut().and_then(|c| c.exec());
    if let Some(exec) = exec.filter(|e| e.cancel_at.is_some_and(|at| now >= at)) {
        exec.cancel_at = None;
        session.stop_guest(Stop::Cancelled);
    }
    Ok(())
}

/// Hands the host's answer to the `input()` or `approve()` waiting for `input_id`; the time
/// it waited
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
