//! `_phicode_worker`: the Rust functions the Python engine calls to take work, mark the
//! running execution, wait for input, convert φ cells and (see `send`) send messages.

use phicode_sessions::protocol::Message;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyModule};

use super::cell::{self, PhiCell};
use super::send::{
    send_checkpoint, send_display, send_error, send_ready, send_restore_reply, send_result,
};
use super::stream::{self, Stream, Tag};
use super::worker;

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
