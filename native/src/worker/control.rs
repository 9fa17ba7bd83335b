//! The control thread: requests that must be served while code runs and need Python
//! (`cancel`, `complete`, `is_complete`, `inspect`). It takes the GIL between the running code's
//! bytecodes, so it answers even during a long cell.

use std::sync::mpsc::Receiver;
use std::time::Duration;

use phicode_sessions::protocol::{
    CompleteReply, Completeness, Envelope, ErrorKind, InspectReply, IsCompleteReply, Message,
};
use pyo3::prelude::*;

use super::reply::failure;
use super::worker;

/// Starts the thread; `engine` is the Python `Engine`.
pub fn start(engine: Py<PyAny>, requests: Receiver<Envelope>) {
    super::spawn("control", move || {
        for envelope in requests {
            let reply = Python::attach(|py| serve(py, engine.bind(py), &envelope));
            match reply {
                Ok(Some(body)) => worker().outbox.send(body),
                Ok(None) => {}
                Err(e) => {
                    let text = Python::attach(|py| e.value(py).to_string());
                    let body = failure(
                        Some(envelope.id.clone()),
                        ErrorKind::Request,
                        "RequestFailed",
                        text,
                    );
                    worker().outbox.send(body);
                }
            }
        }
    });
}

fn serve(
    py: Python<'_>,
    engine: &Bound<'_, PyAny>,
    envelope: &Envelope,
) -> PyResult<Option<Message>> {
    let request_id = envelope.id.clone();
    match &envelope.body {
        Message::Cancel(m) => {
            let grace = m.grace_timeout_ms.unwrap_or(500);
            let running: bool = engine.call_method1("cancel", (&m.execution_id,))?.extract()?;
            if running {
                let execution = m.execution_id.clone();
                // Cooperation has `grace` to work; then the cell is interrupted.
                super::spawn("cancel", move || {
                    std::thread::sleep(Duration::from_millis(grace));
                    let w = worker();
                    if w.current_id().as_deref() == Some(execution.as_str()) {
                        w.inbox.interrupt(Some(&execution));
                    }
                });
            }
            let _ = py;
            Ok(None)
        }
        Message::Complete(m) => {
            let (matches, start, end): (Vec<String>, u64, u64) =
                engine.call_method1("complete", (&m.code, m.cursor_pos))?.extract()?;
            Ok(Some(Message::CompleteReply(CompleteReply {
                request_id,
                matches,
                cursor_start: start,
                cursor_end: end,
            })))
        }
        Message::IsComplete(m) => {
            let (status, indent): (String, String) =
                engine.call_method1("is_complete", (&m.code,))?.extract()?;
            let status = match status.as_str() {
                "complete" => Completeness::Complete,
                "incomplete" => Completeness::Incomplete,
                _ => Completeness::Invalid,
            };
            Ok(Some(Message::IsCompleteReply(IsCompleteReply { request_id, status, indent })))
        }
        Message::Inspect(m) => {
            let (found, text): (bool, String) = engine
                .call_method1("inspect", (&m.code, m.cursor_pos, m.detail_level))?
                .extract()?;
            let data = serde_json::Map::from_iter([("text/plain".to_string(), text.into())]);
            Ok(Some(Message::InspectReply(InspectReply { request_id, found, data })))
        }
        _ => Ok(None),
    }
}
