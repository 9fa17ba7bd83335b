//! What Python code writes to: `sys.stdout`/`sys.stderr` objects that queue `output` in
//! the outbox, under execution tags (a context variable holds the running cell's tag, so
//! tasks a cell created keep writing under its id).

use std::sync::Arc;
use std::sync::OnceLock;

use phicode_sessions::protocol::StreamName;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use super::state::worker;

/// An execution's id, as a context variable holds it.
#[pyclass(frozen, module = "_phicode_worker")]
pub struct Tag {
    pub(super) id: Arc<str>,
}

#[pymethods]
impl Tag {
    #[new]
    fn new(id: &str) -> Self {
        Self { id: Arc::from(id) }
    }

    /// The execution id.
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }
}

/// The engine's `contextvars.ContextVar` of [`Tag`]s.
pub static CURRENT: OnceLock<Py<PyAny>> = OnceLock::new();

/// The execution the calling code belongs to: its context's tag, else the running one.
pub fn current_execution(py: Python<'_>) -> Option<Arc<str>> {
    let from_context = CURRENT.get().and_then(|var| {
        let tag = var.bind(py).call_method1("get", (py.None(),)).ok()?;
        let tag = tag.cast_into::<Tag>().ok()?;
        Some(tag.get().id.clone())
    });
    from_context.or_else(|| worker().current_id())
}

/// `sys.stdout` / `sys.stderr`.
#[pyclass(frozen, module = "_phicode_worker")]
pub struct Stream {
    stream: StreamName,
    /// The stream's name (`<stdout>`).
    #[pyo3(get)]
    name: &'static str,
    /// Always utf-8.
    #[pyo3(get)]
    encoding: &'static str,
    /// Always strict.
    #[pyo3(get)]
    errors: &'static str,
}

#[pymethods]
impl Stream {
    #[new]
    fn new(name: &str) -> PyResult<Self> {
        let (stream, name) = match name {
            "stdout" => (StreamName::Stdout, "<stdout>"),
            "stderr" => (StreamName::Stderr, "<stderr>"),
            _ => return Err(PyValueError::new_err("stream must be stdout or stderr")),
        };
        Ok(Self { stream, name, encoding: "utf-8", errors: "strict" })
    }

    fn write(&self, py: Python<'_>, text: &str) -> usize {
        let execution = current_execution(py);
        let outbox = &worker().outbox;
        let mut flush = false;
        for piece in outbox.pieces(text) {
            flush |= outbox.push(execution.clone(), self.stream, piece);
        }
        if flush {
            // Past the high-water mark: this thread waits for the host (backpressure).
            py.detach(|| outbox.flush());
        }
        text.chars().count()
    }

    fn writelines(&self, py: Python<'_>, lines: &Bound<'_, PyAny>) -> PyResult<()> {
        for line in lines.try_iter()? {
            self.write(py, line?.extract::<&str>()?);
        }
        Ok(())
    }

    fn flush(&self, py: Python<'_>) {
        py.detach(|| worker().outbox.flush());
    }

    fn fileno(&self) -> i32 {
        // Writing to the fd itself also reaches the host (through the capture pipe).
        match self.stream {
            StreamName::Stdout => 1,
            StreamName::Stderr => 2,
        }
    }

    fn isatty(&self) -> bool {
        false
    }

    fn readable(&self) -> bool {
        false
    }

    fn writable(&self) -> bool {
        true
    }

    fn seekable(&self) -> bool {
        false
    }

    #[getter]
    fn closed(&self) -> bool {
        false
    }
}
