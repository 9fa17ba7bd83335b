//! One guest instance: CPython for WASI in a fresh wasmtime store on its own thread, its
//! stdin a pipe the host writes requests to, its stdout and stderr pipes read by two
//! threads that turn them into [`Event`]s. The instance sees one preopened folder
//! (`/scratch`), no environment variables, fixed arguments, and no sockets or processes
//! (WASI preview 1 has none).

use std::fs::File;
use std::io::{BufRead, BufReader, PipeWriter, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};

use wasmtime::{InstancePre, Store, UpdateDeadline};
use wasmtime_wasi::cli::{InputFile, OutputFile};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

use super::limiter::Limiter;
use super::watch::{Stop, Watch};
use crate::error::SandboxError;
use crate::event::{Event, Exit, GuestEvent};
use crate::options::Limits;

/// The longest piece of raw stderr text handed on at once (C-level writes to fd 2 are
/// not lines of the driver: nothing needs them whole).
const STDERR_PIECE: usize = 64 * 1024;

/// Where the scratch folder appears in the guest.
pub const SCRATCH: &str = "/scratch";

/// What a store holds: the WASI context and the memory cap.
pub struct State {
    wasi: WasiP1Ctx,
    limiter: Limiter,
}

impl State {
    /// The WASI context (for the linker).
    pub fn wasi(&mut self) -> &mut WasiP1Ctx {
        &mut self.wasi
    }
}

/// The host's handle on a running instance.
pub struct Guest {
    /// Requests go here, one JSON line each.
    pub stdin: PipeWriter,
    /// Stop flags and deadline the instance checks.
    pub watch: Arc<Watch>,
    /// Which instance of the session this is.
    pub generation: u64,
}

/// Starts instance `generation` of `pre` with `args`, reporting to `events`.
pub fn spawn(
    pre: &InstancePre<State>,
    args: &[String],
    scratch: &Path,
    limits: Limits,
    generation: u64,
    events: &Sender<Event>,
) -> Result<Guest, SandboxError> {
    let (stdin_reader, stdin) = std::io::pipe()?;
    let (stdout_reader, stdout_writer) = std::io::pipe()?;
    let (stderr_reader, stderr_writer) = std::io::pipe()?;
    let mut wasi = WasiCtxBuilder::new();
    wasi.args(args)
        .stdin(InputFile::new(File::from(std::os::fd::OwnedFd::from(stdin_reader))))
        .stdout(OutputFile::new(File::from(std::os::fd::OwnedFd::from(stdout_writer))))
        .stderr(OutputFile::new(File::from(std::os::fd::OwnedFd::from(stderr_writer))))
        .allow_blocking_current_thread(true)
        .preopened_dir(scratch, SCRATCH, FsPerms::ReadWrite)
        .map_err(|e| SandboxError::wasmtime(&e))?;
    let state = State { wasi: wasi.build_p1(), limiter: Limiter::new(limits.memory_bytes) };
    let watch = Arc::new(Watch::default());
    let (exit_tx, exit_rx) = channel();
    let (pre, check) = (pre.clone(), watch.clone());
    let budget = limits.cell_time;
    thread("run", move || {
        let _ = exit_tx.send(run(&pre, state, check, budget));
    })?;
    let sink = events.clone();
    // No message of the driver can be longer than the guest's memory: a longer line is
    // code writing to fd 1 itself, cut into pieces (each then counts as output).
    let longest = usize::try_from(limits.memory_bytes).unwrap_or(usize::MAX);
    thread("stdout", move || {
        lines(stdout_reader, longest, |line| send(&sink, generation, GuestEvent::Line(line)));
        // All lines are in: now the end (the pipe closes when the store is dropped).
        let exit = exit_rx.recv().unwrap_or(Exit::Crashed("the guest thread vanished".into()));
        send(&sink, generation, GuestEvent::Exited(exit));
    })?;
    let sink = events.clone();
    thread("stderr", move || {
        lines(stderr_reader, STDERR_PIECE, |line| {
            send(&sink, generation, GuestEvent::Stderr(line))
        });
    })?;
    Ok(Guest { stdin, watch, generation })
}

fn send(events: &Sender<Event>, generation: u64, event: GuestEvent) {
    let _ = events.send(Event::Guest(generation, event));
}

fn thread(name: &str, f: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    std::thread::Builder::new().name(format!("sandbox-{name}")).spawn(f).map(|_| ())
}

/// Runs `_start` to its end; the store (and so the guest's pipe ends) is dropped here.
fn run(
    pre: &InstancePre<State>,
    state: State,
    watch: Arc<Watch>,
    budget: std::time::Duration,
) -> Exit {
    let mut store = Store::new(pre.module().engine(), state);
    store.limiter(|s| &mut s.limiter);
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(move |_| match watch.check(budget) {
        Some(stop) => Err(wasmtime::Error::new(stop)),
        None => Ok(UpdateDeadline::Continue(1)),
    });
    let outcome = pre
        .instantiate(&mut store)
        .and_then(|instance| instance.get_typed_func::<(), ()>(&mut store, "_start"))
        .and_then(|start| start.call(&mut store, ()));
    match outcome {
        Ok(()) => Exit::Status(0),
        Err(e) => {
            if let Some(exit) = e.downcast_ref::<I32Exit>() {
                Exit::Status(exit.0)
            } else if let Some(stop) = e.downcast_ref::<Stop>() {
                Exit::Stopped(*stop)
            } else {
                Exit::Crashed(format!("{e:#}"))
            }
        }
    }
}

/// Calls `each` with every line of `pipe` (without its line break; invalid UTF-8
/// replaced; pieces of `longest` bytes when longer), until it closes.
fn lines(pipe: impl Read, longest: usize, mut each: impl FnMut(String)) {
    let mut reader = BufReader::with_capacity(64 * 1024, pipe);
    let mut line = Vec::new();
    loop {
        line.clear();
        let limit = u64::try_from(longest).unwrap_or(u64::MAX);
        match reader.by_ref().take(limit).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                each(String::from_utf8_lossy(&line).into_owned());
            }
        }
    }
}
