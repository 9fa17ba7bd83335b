//! `phicode worker`: one interactive session's interpreter, driven by a host over the
//! protocol of `sessions/PROTOCOL.md` on stdin/stdout. The Python engine (`python/`)
//! runs cells on the main thread's asyncio loop; Rust threads do the I/O: a reader that
//! never needs the GIL (so interrupts always get through), an output flusher, fd capture,
//! heartbeats, and a control thread for cancel and completion requests.
//!
//! It lives in the `phicode` crate, not in `phicode-sessions`, because it needs what this
//! crate's `embed` module does for `phicode run` (the `.φ` import hook, φ positions in
//! code objects and SyntaxErrors); the sessions crate stays free of libpython.

mod args;
mod cell;
mod control;
mod fds;
mod inbox;
mod limits;
mod outbox;
mod pymod;
mod reply;
mod send;
mod stream;
mod threads;

pub use args::WorkerArgs;

use std::collections::HashMap;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use phicode_core::SymbolTable;
use phicode_sessions::protocol::{Format, StreamName};
use pyo3::prelude::*;

use inbox::Inbox;
use outbox::Outbox;

/// The engine's Python modules, in import order, all compiled as `<phicode engine>` (the
/// name tracebacks shown to users are trimmed by).
const ENGINE: [(&str, &str); 9] = [
    ("_phicode_engine_namespace", include_str!("python/namespace.py")),
    ("_phicode_engine_cells", include_str!("python/cells.py")),
    ("_phicode_engine_display", include_str!("python/display.py")),
    ("_phicode_engine_interact", include_str!("python/interact.py")),
    ("_phicode_engine_editing", include_str!("python/editing.py")),
    ("_phicode_engine_requests", include_str!("python/requests.py")),
    ("_phicode_engine_execution", include_str!("python/execution.py")),
    ("_phicode_engine_run", include_str!("python/run.py")),
    ("_phicode_engine", include_str!("python/engine.py")),
];

/// What the worker's threads share.
pub struct Worker {
    outbox: Outbox,
    inbox: Inbox,
    format: Format,
    max_frame: u32,
    session_id: String,
    table: SymbolTable,
    namespace_size: AtomicU64,
    heartbeat: Option<Duration>,
    current: Mutex<Option<Arc<str>>>,
    inputs_asked: Mutex<HashMap<Arc<str>, u64>>,
}

static WORKER: OnceLock<Arc<Worker>> = OnceLock::new();

/// The worker of this process (set before any Python code runs).
fn worker() -> &'static Arc<Worker> {
    WORKER.get().unwrap_or_else(|| std::process::exit(70))
}

impl Worker {
    fn current_id(&self) -> Option<Arc<str>> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn set_current(&self, execution: Option<&str>) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = execution.map(Arc::from);
    }

    /// `{execution}:input:{n}`: deterministic, so a replayed execution asks the same ids.
    fn next_input_id(&self, execution: &str) -> String {
        let mut asked = self.inputs_asked.lock().unwrap_or_else(PoisonError::into_inner);
        let n = asked.entry(Arc::from(execution)).or_insert(0);
        *n += 1;
        format!("{execution}:input:{n}")
    }
}

/// Runs the worker until the host says `shutdown` or goes away.
pub fn run(args: &WorkerArgs, table: SymbolTable) -> ExitCode {
    if let Err(e) = limits::apply(args) {
        eprintln!("phicode worker: cannot set resource limits: {e}");
        return ExitCode::from(2);
    }
    let fds = match fds::take_over() {
        Ok(fds) => fds,
        Err(e) => {
            eprintln!("phicode worker: cannot set up its pipes: {e}");
            return ExitCode::from(2);
        }
    };
    let (wake_tx, wake_rx) = match UnixStream::pair() {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("phicode worker: cannot make its wake-up socket: {e}");
            return ExitCode::from(2);
        }
    };
    let _ = wake_tx.set_nonblocking(true);
    let format = args.format();
    let worker = Arc::new(Worker {
        outbox: Outbox::new(fds.protocol_out, format, args.max_frame),
        inbox: Inbox::new(wake_tx, nix::sys::pthread::pthread_self()),
        format,
        max_frame: args.max_frame,
        session_id: args
            .session_id
            .clone()
            .unwrap_or_else(|| format!("worker-{}", std::process::id())),
        table,
        namespace_size: AtomicU64::new(0),
        heartbeat: (args.heartbeat_ms > 0).then(|| Duration::from_millis(args.heartbeat_ms)),
        current: Mutex::default(),
        inputs_asked: Mutex::default(),
    });
    let _ = WORKER.set(worker.clone());
    let (control_tx, control_rx) = std::sync::mpsc::channel();
    spawn("flusher", {
        let w = worker.clone();
        move || w.outbox.run_flusher()
    });
    spawn("stdout", {
        let w = worker.clone();
        move || threads::forward(w, fds.captured_stdout, StreamName::Stdout)
    });
    spawn("stderr", {
        let w = worker.clone();
        move || threads::forward(w, fds.captured_stderr, StreamName::Stderr)
    });
    Python::initialize();
    let status = Python::attach(|py| -> PyResult<i32> {
        let cache_writer = crate::embed::install_importer(py, worker.table.clone())?;
        let module = pymod::install(py)?;
        let engine = load_engine(py)?;
        let engine = engine.call_method1(
            "Engine",
            (module, wake_rx.as_raw_fd(), fds.diagnostics.as_raw_fd(), python_executable()),
        )?;
        control::start(engine.clone().unbind(), control_rx);
        spawn("reader", {
            let w = worker.clone();
            move || inbox::run_reader(w, fds.protocol_in, control_tx)
        });
        let status = engine.call_method0("main")?.extract::<i32>();
        // `.φ` modules imported by the session may still have cache entries in flight.
        py.detach(|| cache_writer.finish());
        status
    });
    let code = status.unwrap_or_else(|e| {
        Python::attach(|py| e.print(py));
        1
    });
    worker.outbox.flush();
    std::process::exit(code)
}

fn python_executable() -> Option<&'static str> {
    option_env!("PHICODE_PYTHON_EXECUTABLE").filter(|e| !e.is_empty())
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) {
    let _ = std::thread::Builder::new().name(format!("worker-{name}")).spawn(f);
}

fn load_engine(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyModule>> {
    let builtins = py.import("builtins")?;
    let modules = py.import("sys")?.getattr("modules")?;
    let mut last = None;
    for (name, source) in ENGINE {
        let module = pyo3::types::PyModule::new(py, name)?;
        module.dict().set_item("__builtins__", &builtins)?;
        let code = builtins.getattr("compile")?.call1((source, "<phicode engine>", "exec"))?;
        modules.set_item(name, &module)?;
        builtins.getattr("exec")?.call1((code, module.dict()))?;
        last = Some(module);
    }
    last.ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("no engine"))
}
