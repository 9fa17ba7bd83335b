//! The `send_*` functions of `_phicode_worker`: the engine's results, errors, displays,
//! checkpoints and the `ready` handshake, as protocol messages.

use phicode_sessions::protocol::{
    Checkpoint, Display, ErrorKind, ErrorMessage, ExecMode, ExecResult, Frame, Message,
    PROTOCOL_VERSION, Ready, RestoreReply, Skipped,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{Map, Value};

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

#[pyfunction]
#[pyo3(signature = (execution, repr, value_json, data_json, count, elapsed, mode))]
#[allow(clippy::too_many_arguments)]
pub(super) fn send_result(
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
pub(super) fn send_error(
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
pub(super) fn send_display(
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
pub(super) fn send_checkpoint(
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
pub(super) fn send_restore_reply(
    request: String,
    restored: Vec<String>,
    skipped_rows: Vec<SkippedRow>,
) {
    worker().outbox.send(Message::RestoreReply(RestoreReply {
        request_id: request,
        restored,
        skipped: skipped(skipped_rows),
    }));
}

/// Announces the worker (first message).
#[pyfunction]
pub(super) fn send_ready(capabilities: Vec<String>, python_version: String) {
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
