//! Handing the next queued request to the guest (only when it serves none): cells become
//! `exec` lines (φ converted here), requests become their guest lines; `restore` and
//! checkpoint files are read and written here, on the host, where the paths mean
//! something.

use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use phicode_sessions::protocol::{ErrorKind, ErrorMessage, Execute, Language, Message};
use serde_json::{Value, json};

use super::state::{Current, Exec, Session, Work};
use crate::convert::python_of;

/// Starts queued requests until one is running in the guest or none is left.
pub fn next(session: &mut Session) {
    while session.current.is_none() && !session.shutting {
        let Some(envelope) = session.queue.pop_front() else { return };
        let id = envelope.id.clone();
        let started = match envelope.body {
            Message::Execute(execute) => Some(exec(session, &id, &execute)),
            Message::Checkpoint(m) => {
                session.tell_guest(&json!({"t": "checkpoint"}));
                Some(Work::Checkpoint { path: m.path, then_shutdown: false })
            }
            Message::Restore(m) => restore(session, &id, m.data, m.path, m.clear_existing),
            Message::Shutdown(m) if m.checkpoint => {
                session.tell_guest(&json!({"t": "checkpoint"}));
                Some(Work::Checkpoint { path: None, then_shutdown: true })
            }
            Message::Shutdown(_) => {
                shutdown(session);
                None
            }
            Message::Complete(m) => editing(
                session,
                json!({"t": "complete", "code": m.code,
                "cursor_pos": m.cursor_pos}),
            ),
            Message::IsComplete(m) => {
                let python = python_of(&session.table, &m.code, Language::Auto);
                editing(session, json!({"t": "is_complete", "code": python.unwrap_or(m.code)}))
            }
            Message::Inspect(m) => editing(
                session,
                json!({"t": "inspect", "code": m.code,
                "cursor_pos": m.cursor_pos, "detail_level": m.detail_level}),
            ),
            _ => None,
        };
        if let Some(work) = started {
            begin(session, id, work);
        }
    }
}

/// Marks `work` as running in the guest, under the time budget.
pub fn begin(session: &mut Session, id: String, work: Work) {
    session.guest.watch.start_budget(session.limits.cell_time);
    if matches!(work, Work::Exec(_)) {
        session.status.set_running(Some(id.clone()));
    }
    session.current = Some(Current { id, work, started: Instant::now(), output: 0 });
}

fn exec(session: &mut Session, id: &str, execute: &Execute) -> Work {
    let python = python_of(&session.table, &execute.code, execute.language);
    let policy = serde_json::to_value(execute.transaction_policy).unwrap_or(Value::Null);
    session.tell_guest(&json!({
        "t": "exec", "id": id, "code": execute.code, "python": python,
        "store_history": execute.store_history, "silent": execute.silent,
        "allow_stdin": execute.allow_stdin, "capture_source": execute.capture_source,
        "policy": policy, "min_count": session.last_count, "save": true,
    }));
    let count = execute.store_history.then_some(session.last_count + 1);
    Work::Exec(Exec { count, ..Exec::default() })
}

fn restore(
    session: &mut Session,
    id: &str,
    data: Option<Vec<u8>>,
    path: Option<String>,
    clear: bool,
) -> Option<Work> {
    let data = match (data, path) {
        (Some(data), _) => data,
        (None, Some(path)) => match std::fs::read(&path) {
            Ok(data) => data,
            Err(e) => return refuse(session, id, &format!("cannot read {path}: {e}")),
        },
        (None, None) => return refuse(session, id, "a restore needs `data` or `path`"),
    };
    session.tell_guest(&json!({"t": "restore", "data": STANDARD.encode(data), "clear": clear,
        "save": true}));
    Some(Work::Restore)
}

fn editing(session: &mut Session, line: Value) -> Option<Work> {
    session.tell_guest(&line);
    Some(Work::Editing)
}

/// Hands the guest its last request: it exits, and the loop ends on its exit event.
pub fn shutdown(session: &mut Session) {
    session.shutting = true;
    session.tell_guest(&json!({"t": "shutdown"}));
}

fn refuse(session: &Session, id: &str, why: &str) -> Option<Work> {
    let about = Some(id.to_owned());
    let error = ErrorMessage::synthetic(about, ErrorKind::Request, "RestoreError", why);
    session.send(Message::Error(error));
    None
}
