//! `_phicode_worker`: the Rust functions the Python engine calls to take work, send
//! messages and convert φ cells.

use phicode_sessions::protocol::{
    Checkpoint, Display, ErrorKind, ErrorMessage, ExecMode, ExecResult, Frame, Message,
    PROTOCOL_VERSION, Ready, RestoreReply, Skipped,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyModule};
use serde_json::{Map, Value};

use super::cell::{self, PhiCell};
use super::stream::{self, Stream, Tag};
use super::worker;

fn json_value(text: Option<&str>) -> Option<Value> {
    text.and_then(|t| serde_json::from_str(t).ok())
}

fn json_map(text: Option<&str>) -> Option<Map<String, Value>> {
    match json_value(text) {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// The queued work, as dicts (`type` plus the message's fields).
#[pyfunction]
fn take_work(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    let mut out = Vec::new();
    for envelope in worker().inbox.take_work() {
        let d = PyDict::new(py);
        d.set_item("id", &envelope.id)?;
        d.set_item("type", envelope.body.kind())?;
        match envelope.body {
            Message::Execute(m) => {
                d.set_item("code", m.code)?;
                d.set_item("language", serde_name(&m.language))?;
                d.set_item("store_history", m.store_history)?;
                d.set_item("silent", m.silent)?;
                d.set_item("transaction_id", m.transaction_id)?;
                d.set_item("transaction_policy", serde_name(&m.transaction_policy))?;
                d.set_item("capture_source", m.capture_source)?;
                d.set_item("allow_stdin", m.allow_stdin)?;
            }
            Message::Checkpoint(m) => d.set_item("path", m.path)?,
            Message::Restore(m) => {
                d.set_item("data", m.data.map(|b| PyBytes::new(py, &b)))?;
                d.set_item("path", m.path)?;
                d.set_item("clear_existing", m.clear_existing)?;
            }
            Message::Shutdown(m) => d.set_item("checkpoint", m.checkpoint)?,
            _ => continue,
        }
        out.push(d);
    }
    Ok(out)
}

fn serde_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Marks `execution` as the running one (`None` when it ended).
#[pyfunction]
#[pyo3(signature = (execution=None))]
fn set_current(execution: Option<&str>) {
    worker().set_current(execution);
}

/// Consumes a pending interrupt (see `Inbox::take_interrupt`).
#[pyfunction]
fn take_interrupt() -> bool {
    worker().inbox.take_interrupt()
}

/// Raises KeyboardInterrupt in the main thread, as an `interrupt` message would.
#[pyfunction]
#[pyo3(signature = (execution=None))]
fn interrupt(execution: Option<&str>) {
    worker().inbox.interrupt(execution);
}

/// Wakes the `input()` calls of `execution` with EOFError; true if one was waiting.
#[pyfunction]
fn cancel_input(execution: &str) -> bool {
    worker().inbox.wake_inputs(Some(execution), || super::inbox::InputEvent::Eof)
}

/// Records the namespace's size for heartbeats.
#[pyfunction]
fn set_namespace_size(size: u64) {
    worker().namespace_size.store(size, std::sync::atomic::Ordering::Relaxed);
}

/// φ → Python for a cell; `None` when `force` is false and the cell has no φ symbol.
#[pyfunction]
#[pyo3(signature = (code, force=false))]
fn convert(code: &str, force: bool) -> Option<PhiCell> {
    cell::convert(&worker().table, code, force)
}

#[pyfunction]
#[pyo3(signature = (execution, repr, value_json, data_json, count, elapsed, mode))]
#[allow(clippy::too_many_arguments)]
fn send_result(
    execution: String,
    repr: Option<String>,
    value_json: Option<&str>,
    data_json: Option<&str>,
    count: Option<u64>,
    elapsed: f64,
    mode: &str,
) {
    let mode = if mode == "async" { ExecMode::Async } else { ExecMode::Sync };
    worker().outbox.send(Message::Result(ExecResult {
        execution_id: execution,
        value: json_value(value_json),
        repr,
        data: json_map(data_json),
        execution_count: count,
        execution_time: elapsed,
        mode,
    }));
}

#[pyfunction]
#[pyo3(signature = (execution, kind, exception_type, message, traceback, frames, count, elapsed))]
#[allow(clippy::too_many_arguments)]
fn send_error(
    execution: Option<String>,
    kind: &str,
    exception_type: String,
    message: String,
    traceback: String,
    frames: Vec<(String, u32, String, Option<String>)>,
    count: Option<u64>,
    elapsed: Option<f64>,
) {
    let kind = match kind {
        "cancelled" => ErrorKind::Cancelled,
        "interrupted" => ErrorKind::Interrupted,
        "request" => ErrorKind::Request,
        _ => ErrorKind::Exception,
    };
    let frames = frames
        .into_iter()
        .map(|(filename, line, name, text)| Frame { filename, line, name, text })
        .collect();
    worker().outbox.send(Message::Error(ErrorMessage {
        execution_id: execution,
        kind,
        exception_type,
        exception_message: message,
        traceback,
        frames,
        execution_count: count,
        execution_time: elapsed,
    }));
}

#[pyfunction]
#[pyo3(signature = (execution, data_json, metadata_json=None, display_id=None, update=false))]
fn send_display(
    execution: Option<String>,
    data_json: &str,
    metadata_json: Option<&str>,
    display_id: Option<String>,
    update: bool,
) -> PyResult<()> {
    let data = json_map(Some(data_json)).ok_or_else(|| PyValueError::new_err("bad MIME bundle"))?;
    let metadata = json_map(metadata_json).unwrap_or_default();
    worker().outbox.send(Message::Display(Display {
        execution_id: execution,
        data,
        metadata,
        display_id,
        update,
    }));
    Ok(())
}

type SkippedRow = (String, String, String);

fn skipped(rows: Vec<SkippedRow>) -> Vec<Skipped> {
    rows.into_iter().map(|(name, type_name, reason)| Skipped { name, type_name, reason }).collect()
}

#[pyfunction]
#[pyo3(signature = (request, data, path, counts, skipped_rows))]
fn send_checkpoint(
    request: String,
    data: Option<Vec<u8>>,
    path: Option<String>,
    counts: (u64, u64, u64, u64),
    skipped_rows: Vec<SkippedRow>,
) {
    let (namespace_size, function_count, class_count, checkpoint_size) = counts;
    worker().outbox.send(Message::Checkpoint(Checkpoint {
        request_id: Some(request),
        data,
        path,
        namespace_size,
        function_count,
        class_count,
        checkpoint_size,
        skipped: skipped(skipped_rows),
    }));
}

#[pyfunction]
fn send_restore_reply(request: String, restored: Vec<String>, skipped_rows: Vec<SkippedRow>) {
    worker().outbox.send(Message::RestoreReply(RestoreReply {
        request_id: request,
        restored,
        skipped: skipped(skipped_rows),
    }));
}

/// Announces the worker (first message).
#[pyfunction]
fn send_ready(capabilities: Vec<String>, python_version: String) {
    let w = worker();
    w.outbox.send(Message::Ready(Ready {
        session_id: w.session_id.clone(),
        capabilities,
        protocol_version: PROTOCOL_VERSION,
        worker_version: env!("CARGO_PKG_VERSION").to_owned(),
        python_version,
        pid: std::process::id(),
        max_frame_bytes: w.max_frame,
    }));
    // Heartbeats only after `ready`, which must be the first message.
    if let Some(every) = w.heartbeat {
        super::spawn("heartbeat", move || super::threads::heartbeat(worker().clone(), every));
    }
}

/// Hands over the context variable holding the running cell's [`Tag`].
#[pyfunction]
fn set_context_var(var: Py<PyAny>) {
    let _ = stream::CURRENT.set(var);
}

/// Sends pending output now.
#[pyfunction]
fn flush(py: Python<'_>) {
    py.detach(|| worker().outbox.flush());
}

/// The module, registered in `sys.modules`.
pub fn install(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "_phicode_worker")?;
    m.add_class::<Stream>()?;
    m.add_class::<Tag>()?;
    m.add_class::<PhiCell>()?;
    m.add_function(wrap_pyfunction!(stream::request_input, &m)?)?;
    for f in [
        wrap_pyfunction!(take_work, &m)?,
        wrap_pyfunction!(set_current, &m)?,
        wrap_pyfunction!(take_interrupt, &m)?,
        wrap_pyfunction!(interrupt, &m)?,
        wrap_pyfunction!(cancel_input, &m)?,
        wrap_pyfunction!(set_namespace_size, &m)?,
        wrap_pyfunction!(convert, &m)?,
        wrap_pyfunction!(send_result, &m)?,
        wrap_pyfunction!(send_error, &m)?,
        wrap_pyfunction!(send_display, &m)?,
        wrap_pyfunction!(send_checkpoint, &m)?,
        wrap_pyfunction!(send_restore_reply, &m)?,
        wrap_pyfunction!(send_ready, &m)?,
        wrap_pyfunction!(flush, &m)?,
        wrap_pyfunction!(set_context_var, &m)?,
    ] {
        m.add_function(f)?;
    }
    py.import("sys")?.getattr("modules")?.set_item("_phicode_worker", &m)?;
    Ok(m)
}
