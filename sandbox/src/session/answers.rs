//! The replies to requests that are not cells: checkpoints (written to a file here when
//! the host asked for one), restores, editing help, and a request the driver failed.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use phicode_sessions::protocol::{
    Checkpoint, CompleteReply, Completeness, ErrorKind, ErrorMessage, InspectReply,
    IsCompleteReply, Message, RestoreReply, Skipped,
};
use serde_json::{Map, Value};

use super::state::{Session, Work};

/// The reply to a request that is not a cell.
pub fn reply(session: &mut Session, kind: &str, message: Map<String, Value>) {
    let Some(current) = session.current.as_ref() else { return };
    let request_id = current.id.clone();
    match (&current.work, kind) {
        (Work::Checkpoint { path, then_shutdown }, "checkpoint") => {
            let (path, then_shutdown) = (path.clone(), *then_shutdown);
            checkpoint(session, request_id, path, &message);
            session.finish();
            if then_shutdown {
                super::dispatch::shutdown(session);
            }
        }
        (Work::Restore | Work::Recover, "restored") => {
            let recovering = matches!(current.work, Work::Recover);
            if let Some(count) = message.get("count").and_then(Value::as_u64) {
                session.last_count = if recovering { session.last_count.max(count) } else { count };
            }
            if recovering {
                return session.finish();
            }
            let restored =
                serde_json::from_value(message.get("restored").cloned().unwrap_or_default());
            let skipped = skipped(message.get("skipped"));
            let restored = restored.unwrap_or_default();
            session.send(Message::RestoreReply(RestoreReply { request_id, restored, skipped }));
        }
        (Work::Editing, "complete_reply") => {
            let number = |k: &str| message.get(k).and_then(Value::as_u64).unwrap_or(0);
            let matches =
                serde_json::from_value(message.get("matches").cloned().unwrap_or_default());
            let (cursor_start, cursor_end) = (number("cursor_start"), number("cursor_end"));
            let matches = matches.unwrap_or_default();
            session.send(Message::CompleteReply(CompleteReply {
                request_id,
                matches,
                cursor_start,
                cursor_end,
            }));
            session.finish();
        }
        (Work::Editing, "is_complete_reply") => {
            let status = serde_json::from_value(message.get("status").cloned().unwrap_or_default())
                .unwrap_or(Completeness::Invalid);
            let indent = str_of(&message, "indent").to_owned();
            session.send(Message::IsCompleteReply(IsCompleteReply { request_id, status, indent }));
            session.finish();
        }
        (Work::Editing, "inspect_reply") => {
            let found = message.get("found").and_then(Value::as_bool).unwrap_or(false);
            let data = match message.get("data") {
                Some(Value::Object(data)) => data.clone(),
                _ => Map::new(),
            };
            session.send(Message::InspectReply(InspectReply { request_id, found, data }));
            session.finish();
        }
        (_, "failed") => {
            let why = str_of(&message, "message");
            let kind_name = str_of(&message, "type");
            let error =
                ErrorMessage::synthetic(Some(request_id), ErrorKind::Request, kind_name, why);
            session.send(Message::Error(error));
            session.finish();
        }
        _ => {}
    }
}

fn checkpoint(
    session: &Session,
    request_id: String,
    path: Option<String>,
    message: &Map<String, Value>,
) {
    let data = STANDARD.decode(str_of(message, "data")).unwrap_or_default();
    let counts: Vec<u64> =
        serde_json::from_value(message.get("counts").cloned().unwrap_or_default())
            .unwrap_or_default();
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    let mut reply = Checkpoint {
        request_id: Some(request_id.clone()),
        data: None,
        path: None,
        namespace_size: count(0),
        function_count: count(1),
        class_count: count(2),
        checkpoint_size: data.len() as u64,
        skipped: skipped(message.get("skipped")),
    };
    match path {
        Some(path) => match crate::files::write_atomically(&path, &data) {
            Ok(()) => reply.path = Some(path),
            Err(e) => {
                let why = format!("cannot write {path}: {e}");
                let error =
                    ErrorMessage::synthetic(Some(request_id), ErrorKind::Request, "OSError", &why);
                return session.send(Message::Error(error));
            }
        },
        None => reply.data = Some(data),
    }
    session.send(Message::Checkpoint(reply));
}

fn skipped(rows: Option<&Value>) -> Vec<Skipped> {
    let rows: Vec<(String, String, String)> =
        rows.cloned().and_then(|r| serde_json::from_value(r).ok()).unwrap_or_default();
    rows.into_iter().map(|(name, type_name, reason)| Skipped { name, type_name, reason }).collect()
}

/// The text field `key` of a guest message (empty when absent).
pub fn str_of<'m>(message: &'m Map<String, Value>, key: &str) -> &'m str {
    message.get(key).and_then(Value::as_str).unwrap_or_default()
}
