//! The control thread: requests that must be served while code runs and need Python
//! (`cancel`, `complete`, `is_complete`, `inspect`). It takes the GIL between the running
//! code's bytecodes, so it answers even during a long cell.

use std::sync::mpsc::Receiver;
use std::time::Duration;

use phicode_sessions::protocol::{Envelope, ErrorKind, Message};
use pyo3::prelude::*;

use super::boundary;
use super::reply::failure;
use super::state::worker;
use super::threads::spawn;

/// How long a cancelled execution gets to stop by itself when the host names no grace.
const DEFAULT_GRACE: Duration = Duration::from_millis(500);

/// Starts the thread; `engine` is the Python `Engine`. It ends when `requests` closes.
pub fn start(engine: Py<PyAny>, requests: Receiver<Envelope>) {
    spawn("control", move || {
        for envelope in requests {
            let served = Python::attach(|py| serve(engine.bind(py), &envelope));
            if let Err(e) = served {
                let text = Python::attach(|py| e.value(py).to_string());
                let about = Some(envelope.id.clone());
                worker().outbox.send(failure(about, ErrorKind::Request, "RequestFailed", text));
            }
        }
    });
}

fn serve(engine: &Bound<'_, PyAny>, envelope: &Envelope) -> PyResult<()> {
    match &envelope.body {
        Message::Cancel(m) => {
            let running: bool = engine.call_method1("cancel", (&m.execution_id,))?.extract()?;
            if running {
                escalate(m.execution_id.clone(), m.grace_timeout_ms);
            }
        }
        // The engine sends the reply itself (through the typed boundary).
        _ => {
            engine.call_method1("serve_control", (boundary::to_python(engine.py(), envelope)?,))?;
        }
    }
    Ok(())
}

/// Cooperation has the grace period to work; then the cell, if still running, is
/// interrupted.
fn escalate(execution: String, grace_ms: Option<u64>) {
    let grace = grace_ms.map_or(DEFAULT_GRACE, Duration::from_millis);
    spawn("cancel", move || {
        std::thread::sleep(grace);
        let w = worker();
        if w.current_id().as_deref() == Some(execution.as_str()) {
            w.inbox.interrupt(Some(&execution));
        }
    });
}
