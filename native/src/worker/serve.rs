//! Serving one session: the file descriptors, the shared [`Worker`], the embedded
//! interpreter with the `_phicode_worker` module, the level's confinement (before any other
//! thread exists, so every thread inherits it), the threads, the `.φ` import hook, then the
//! engine's loop on the main thread until the host says `shutdown` or goes away.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use phicode_core::SymbolTable;
use phicode_sessions::protocol::StreamName;
use pyo3::prelude::*;

use super::inbox::Inbox;
use super::module::_phicode_worker;
use super::outbox::Outbox;
use super::state::{self, Worker};
use super::threads::{forward, spawn};
use super::{control, engine, fds, reader};
use crate::cli::WorkerArgs;

/// Serves the session until the host says `shutdown` or goes away, and ends the process
/// with the engine's status (2 when the worker could not be set up).
pub fn serve_session(args: &WorkerArgs, table: SymbolTable) -> ExitCode {
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
    let session_id =
        args.session_id.clone().unwrap_or_else(|| format!("worker-{}", std::process::id()));
    let worker = Arc::new(Worker::new(
        Outbox::new(fds.protocol_out, args.format(), args.max_frame),
        Inbox::new(wake_tx, nix::sys::pthread::pthread_self()),
        session_id,
        table,
        (args.heartbeat_ms > 0).then(|| Duration::from_millis(args.heartbeat_ms)),
    ));
    state::install(worker.clone());
    pyo3::append_to_inittab!(_phicode_worker);
    crate::embed::preinit::like_python3();
    Python::initialize();
    if let Err(why) = Python::attach(|py| crate::confinement::apply(py, &confinement(args))) {
        eprintln!("phicode worker: cannot confine the session to level {}: {why}", args.level);
        return ExitCode::from(2);
    }
    let (control_tx, control_rx) = std::sync::mpsc::channel();
    spawn("flusher", {
        let w = worker.clone();
        move || w.outbox.run_flusher()
    });
    spawn("stdout", {
        let w = worker.clone();
        move || forward(w, fds.captured_stdout, StreamName::Stdout)
    });
    spawn("stderr", {
        let w = worker.clone();
        move || forward(w, fds.captured_stderr, StreamName::Stderr)
    });
    let status = Python::attach(|py| -> PyResult<i32> {
        let cache_writer = crate::embed::install_importer(py, worker.table.clone())?;
        let engine = engine::import(py, "engine")?.call_method1(
            "Engine",
            (
                wake_rx.as_raw_fd(),
                fds.diagnostics.as_raw_fd(),
                python_executable(),
                args.level.as_str(),
                granted(args),
            ),
        )?;
        control::start(engine.clone().unbind(), control_rx);
        spawn("reader", {
            let w = worker.clone();
            move || reader::run_reader(w, fds.protocol_in, control_tx)
        });
        let status = engine.call_method0("main")?.extract::<i32>();
        // `.φ` modules imported by the session may still have cache entries in flight.
        py.detach(|| cache_writer.finish());
        status
    });
    let code = status.unwrap_or_else(|e| {
        // Not to sys.stderr: that is a captured pipe whose text could still be in flight when
        // the process ends, and before `ready` the host takes no output. The original stderr
        // is the tail the host shows when a worker fails to start.
        let report = Python::attach(|py| traceback_text(py, &e));
        let _ = writeln!(&fds.diagnostics, "phicode worker: cannot serve the session:\n{report}");
        1
    });
    worker.outbox.flush();
    std::process::exit(code)
}

/// The worker's confinement, as the host asked for it.
fn confinement(args: &WorkerArgs) -> crate::confinement::Spec {
    const MIB: u64 = 1024 * 1024;
    crate::confinement::Spec {
        level: args.level,
        scratch: args.scratch.clone(),
        capabilities: granted(args).into_iter().map(String::from).collect(),
        limits: phicode_security::Limits {
            memory_mb: args.max_memory.map(|b| b.div_ceil(MIB)),
            cpu_seconds: args.max_cpu,
            processes: args.max_processes,
            file_size_mb: args.max_file_size.map(|b| b.div_ceil(MIB)),
            open_files: args.max_open_files,
        },
        read: Vec::new(),
    }
}

/// The capabilities granted, without the empty name an empty `--capabilities` gives.
fn granted(args: &WorkerArgs) -> Vec<&str> {
    args.capabilities.iter().map(String::as_str).filter(|c| !c.is_empty()).collect()
}

/// `error`'s traceback as Python prints it (its message alone if even that fails).
fn traceback_text(py: Python<'_>, error: &PyErr) -> String {
    let formatted = py
        .import("traceback")
        .and_then(|tb| tb.call_method1("format_exception", (error.value(py),)))
        .and_then(|lines| lines.extract::<Vec<String>>());
    formatted.map_or_else(|_| error.to_string(), |lines| lines.concat())
}

/// `sys.executable` for the session: the Python the binary was built against, so code that
/// starts `sys.executable` gets a Python, not this binary.
fn python_executable() -> Option<&'static str> {
    option_env!("PHICODE_PYTHON_EXECUTABLE").filter(|e| !e.is_empty())
}
