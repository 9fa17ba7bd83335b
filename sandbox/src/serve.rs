//! Serving one session: find and load the interpreter, start the first instance, wait
//! for its driver, say `ready`, then run the session's loop until `shutdown` or the host
//! goes away. The instance is stopped and the scratch folder removed on the way out.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::time::Duration;

use phicode_sessions::protocol::{Message, PROTOCOL_VERSION, Ready};

use crate::error::SandboxError;
use crate::event::{Event, GuestEvent};
use crate::guest::instance;
use crate::guest::runtime::Runtime;
use crate::guest::watch::Stop;
use crate::host::heartbeat::{self, Status};
use crate::host::outbox::Outbox;
use crate::host::reader;
use crate::options::Options;
use crate::scratch::Scratch;
use crate::session::state::Session;
use crate::session::{self, Ended};
use crate::{cache, driver, locate};

/// What a sandboxed session offers (see PROTOCOL.md): no `async` (top-level await), no
/// `display`, no `fd_capture`; editing help is answered between cells.
pub const CAPABILITIES: [&str; 6] =
    ["phicode", "checkpoint", "transactions", "complete", "is_complete", "inspect"];

/// How long the first instance may take to start its driver: compiling the module is done
/// by then, so this is only CPython's start (tens of milliseconds) with a wide margin.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Serves one session over `protocol_in` and `protocol_out` (the host's frames), as a
/// `phicode worker` does, with the Python running in a wasmtime sandbox.
pub fn serve(
    options: Options,
    protocol_in: impl Read + Send + 'static,
    protocol_out: impl Write + Send + 'static,
) -> Result<Ended, SandboxError> {
    let cache_dir = options.cache_dir.clone().or_else(cache::default_dir);
    let wasm = match &options.python_wasm {
        Some(path) => path.clone(),
        None => locate::python_wasm_remembered(cache_dir.as_deref(), options.python.as_deref())?,
    };
    let runtime = Runtime::load(&wasm, cache_dir.as_deref())?;
    let scratch = Scratch::new(options.scratch.as_deref())?;
    let events = channel();
    let args = driver::args();
    let live = Arc::new(AtomicUsize::new(0));
    let limits = options.limits;
    let guest = instance::spawn(&runtime.pre, &args, scratch.path(), limits, 1, &events.0, &live)?;
    let python_version = await_driver(&events.1)?;
    let outbox = Arc::new(Outbox::new(Box::new(protocol_out), options.format, options.max_frame));
    let status = Arc::new(Status::default());
    outbox.send(Message::Ready(Ready {
        session_id: options
            .session_id
            .clone()
            .unwrap_or_else(|| format!("sandbox-{}", std::process::id())),
        capabilities: CAPABILITIES.map(str::to_owned).to_vec(),
        protocol_version: PROTOCOL_VERSION,
        worker_version: env!("CARGO_PKG_VERSION").to_owned(),
        python_version,
        pid: std::process::id(),
        max_frame_bytes: options.max_frame,
    }));
    if let Some(every) = options.heartbeat {
        heartbeat::start(outbox.clone(), status.clone(), every)?;
    }
    reader::start(protocol_in, options.format, options.max_frame, events.0.clone())?;
    let mut session = Session {
        runtime,
        guest,
        args,
        scratch,
        table: options.table,
        limits: options.limits,
        events,
        outbox,
        status,
        queue: VecDeque::new(),
        current: None,
        saved: None,
        last_count: 0,
        shutting: false,
        guest_ready: true,
        restarts: 0,
        stopped_at: None,
        live,
    };
    let ended = session::run(&mut session);
    session.status.ended.store(true, Ordering::Relaxed);
    session.stop_guest(Stop::Interrupted);
    ended
}

/// Waits for the first instance's driver to say it is ready; its Python version.
fn await_driver(events: &std::sync::mpsc::Receiver<Event>) -> Result<String, SandboxError> {
    let mut stderr = String::new();
    loop {
        let event = events.recv_timeout(START_TIMEOUT).map_err(|_| {
            SandboxError::GuestStart(format!("no word from it in {START_TIMEOUT:?}"))
        })?;
        match event {
            Event::Guest(_, GuestEvent::Line(line)) => {
                let message: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
                if message["t"] == "ready" {
                    return Ok(message["python"].as_str().unwrap_or("3").to_owned());
                }
            }
            Event::Guest(_, GuestEvent::Stderr(line)) => {
                stderr.push_str(&line);
                stderr.push('\n');
            }
            Event::Guest(_, GuestEvent::Exited(exit)) => {
                return Err(SandboxError::GuestStart(format!("it ended ({exit:?}):\n{stderr}")));
            }
            _ => {}
        }
    }
}
