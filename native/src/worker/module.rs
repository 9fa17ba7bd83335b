//! `_phicode_worker`, the Rust module the engine's Python imports (registered with
//! `append_to_inittab!` before the interpreter starts): taking work, marking the running
//! execution, interrupts, φ cells, output streams, `input()` and sending messages.

use pyo3::prelude::*;

use super::state::worker;
use super::{boundary, cell, stream};

/// The module.
#[pymodule]
pub mod _phicode_worker {
    #[pymodule_export]
    use super::super::cell::PhiCell;
    #[pymodule_export]
    use super::super::handshake::ready;
    #[pymodule_export]
    use super::super::input::{request_approval, request_call, request_input};
    #[pymodule_export]
    use super::super::stream::{Stream, Tag};
    #[pymodule_export]
    use super::{
        audit, cancel_input, convert, send, set_context_var, set_current, set_namespace_size,
        take_interrupt, take_work,
    };
}

/// The queued work, each message a dict of the protocol's fields.
#[pyfunction]
fn take_work(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyAny>>> {
    worker().inbox.take_work().iter().map(|envelope| boundary::to_python(py, envelope)).collect()
}

/// Sends a message of type `kind` with the protocol's `fields` (checked strictly).
#[pyfunction]
fn send(kind: &str, fields: &Bound<'_, PyAny>) -> PyResult<()> {
    let message = boundary::message(kind, fields)?;
    worker().outbox.send(message);
    Ok(())
}

/// Reports an audit-hook event to the host's audit log.
#[pyfunction]
#[pyo3(signature = (execution, event, arguments))]
fn audit(execution: Option<String>, event: String, arguments: Vec<String>) {
    use phicode_sessions::protocol::{AuditEvent, Message};
    let message = AuditEvent { execution_id: execution, event, arguments };
    worker().outbox.send(Message::Audit(message));
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
fn convert(code: &str, force: bool) -> Option<cell::PhiCell> {
    cell::convert(&worker().table, code, force)
}

/// Hands over the context variable holding the running cell's execution tag.
#[pyfunction]
fn set_context_var(var: Py<PyAny>) {
    let _ = stream::CURRENT.set(var);
}
