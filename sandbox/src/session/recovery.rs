//! When an instance ends without being asked to (a limit, an interrupt, a crash): the
//! request it served fails with an error saying why, a fresh instance starts, and the
//! checkpoint saved after the last finished cell is restored into it. So names from before
//! the killed cell are back; what that cell did, and anything a checkpoint cannot pickle
//! (lambdas, generators, open files), is gone.

use phicode_sessions::protocol::{ErrorKind, ErrorMessage, Message, StreamName};
use serde_json::json;

use super::state::{Current, Session, Work};
use crate::error::SandboxError;
use crate::event::Exit;
use crate::guest::instance;
use crate::guest::watch::Stop;

/// Instances that may end in a row before their driver says `ready`, before the session
/// gives up (an interpreter that cannot start would otherwise be restarted forever).
const MAX_RESTARTS: u32 = 5;

/// Reports the end of the instance, then replaces it.
pub fn instance_ended(session: &mut Session, exit: &Exit) -> Result<(), SandboxError> {
    session.restarts += 1;
    if session.restarts > MAX_RESTARTS {
        return Err(SandboxError::GuestStart(format!(
            "{MAX_RESTARTS} instances in a row ended before starting; the last: {exit:?}"
        )));
    }
    if let Some(current) = session.current.take() {
        if matches!(current.work, Work::Recover) {
            // The checkpoint itself cannot be brought back: go on without it.
            session.saved = None;
            let note =
                "the sandbox could not restore its last checkpoint: the namespace is empty\n";
            session.outbox.output(None, StreamName::Stderr, note);
        }
        report(session, current, exit);
    }
    session.finish();
    let generation = session.guest.generation + 1;
    session.guest = instance::spawn(
        &session.runtime.pre,
        &session.args,
        session.scratch.path(),
        session.limits,
        generation,
        &session.events.0,
    )?;
    if let Some(saved) = &session.saved {
        use base64::Engine as _;
        let data = base64::engine::general_purpose::STANDARD.encode(saved);
        session.tell_guest(&json!({"t": "restore", "data": data, "clear": true, "save": false}));
        super::dispatch::begin(session, format!("recover-{generation}"), Work::Recover);
    }
    Ok(())
}

/// The error of the request the instance was serving (none when it had answered already).
fn report(session: &mut Session, mut current: Current, exit: &Exit) {
    let elapsed = current.started.elapsed().as_secs_f64();
    let (count, cell) = match current.exec() {
        Some(exec) if exec.answered => {
            // Its checkpoint was being taken: the one before it is what comes back.
            let note = format!(
                "the sandbox was restarted while saving the namespace ({exit:?}); names from before the last cell were restored\n"
            );
            return session.outbox.output(None, StreamName::Stderr, &note);
        }
        Some(exec) => (exec.count, true),
        None => (None, false),
    };
    if matches!(current.work, Work::Recover) {
        return;
    }
    if let Some(count) = count {
        session.last_count = session.last_count.max(count);
    }
    let (kind, exception_type, why) = match exit {
        Exit::Stopped(Stop::Interrupted) => {
            (ErrorKind::Interrupted, "KeyboardInterrupt", String::new())
        }
        Exit::Stopped(Stop::Cancelled) => (ErrorKind::Cancelled, "CancelledError", String::new()),
        Exit::Stopped(stop @ Stop::Time(_)) => {
            (ErrorKind::Exception, "TimeoutError", stop.to_string())
        }
        Exit::Stopped(stop @ Stop::Memory(_)) => {
            (ErrorKind::Exception, "MemoryError", stop.to_string())
        }
        Exit::Stopped(stop @ Stop::Output(_)) => {
            (ErrorKind::Exception, "OutputLimitError", stop.to_string())
        }
        Exit::Status(status) => (
            ErrorKind::Exception,
            "InterpreterExited",
            format!("the sandboxed interpreter exited with status {status}"),
        ),
        Exit::Crashed(trap) => (
            ErrorKind::Exception,
            "InterpreterCrashed",
            format!("the sandboxed interpreter crashed: {trap}"),
        ),
    };
    let restored = if session.saved.is_some() {
        "names from before this cell were restored"
    } else {
        "no earlier state to restore"
    };
    let detail = match why.is_empty() {
        true => format!("the sandbox was restarted; {restored}"),
        false => format!("{why}; the sandbox was restarted and {restored}"),
    };
    let kind = if cell { kind } else { ErrorKind::Request };
    let mut error = ErrorMessage::synthetic(Some(current.id), kind, exception_type, &detail);
    error.execution_count = count;
    error.execution_time = Some(elapsed);
    session.send(Message::Error(error));
}
