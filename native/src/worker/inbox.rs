//! The worker's receiving side: one thread reads frames from the host and never needs the
//! GIL, so an `interrupt` is acted on even while Python code holds it. Executions and other
//! namespace work queue up for the main thread (woken through a socket its event loop
//! watches); `cancel`, `complete`, `is_complete` and `inspect` go to the control thread; input
//! responses go straight to the `input()` call waiting for them.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufReader, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use nix::sys::pthread::{Pthread, pthread_kill};
use nix::sys::signal::Signal;
use phicode_sessions::protocol::{ErrorKind, Message, decode, read_frame};

use super::Worker;
use super::reply::failure;

/// What an `input()` call waiting for the host receives.
#[derive(Debug)]
pub enum InputEvent {
    /// The line.
    Line(String),
    /// End of input, or the execution was cancelled: EOFError.
    Eof,
    /// The execution was interrupted: KeyboardInterrupt.
    Interrupted,
}

/// The state shared between the reader, the main thread and `input()` calls.
pub struct Inbox {
    work: Mutex<VecDeque<phicode_sessions::protocol::Envelope>>,
    wake: Mutex<UnixStream>,
    inputs: Mutex<HashMap<String, (String, Sender<InputEvent>)>>,
    interrupt_pending: AtomicBool,
    main_thread: Pthread,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Inbox {
    /// `wake` is written to when work arrives; `main_thread` gets SIGINT on interrupts.
    pub fn new(wake: UnixStream, main_thread: Pthread) -> Self {
        Self {
            work: Mutex::default(),
            wake: Mutex::new(wake),
            inputs: Mutex::default(),
            interrupt_pending: AtomicBool::new(false),
            main_thread,
        }
    }

    /// Takes the queued work (main thread).
    pub fn take_work(&self) -> Vec<phicode_sessions::protocol::Envelope> {
        lock(&self.work).drain(..).collect()
    }

    /// Registers an `input()` call of `execution_id` waiting for `input_id`.
    pub fn wait_input(&self, input_id: &str, execution_id: &str) -> Receiver<InputEvent> {
        let (tx, rx) = channel();
        lock(&self.inputs).insert(input_id.to_owned(), (execution_id.to_owned(), tx));
        rx
    }

    /// Forgets an input request (answered or abandoned).
    pub fn drop_input(&self, input_id: &str) {
        lock(&self.inputs).remove(input_id);
    }

    /// Sends `event` to the `input()` calls of `execution_id` (all when none); true if any.
    pub fn wake_inputs(&self, execution_id: Option<&str>, event: impl Fn() -> InputEvent) -> bool {
        let inputs = lock(&self.inputs);
        let mut any = false;
        for (owner, tx) in inputs.values() {
            if execution_id.is_none_or(|e| e == owner) {
                any |= tx.send(event()).is_ok();
            }
        }
        any
    }

    /// Consumes a pending interrupt: true once per `interrupt` (so the SIGINT handler and
    /// a woken `input()` do not both raise).
    pub fn take_interrupt(&self) -> bool {
        self.interrupt_pending.swap(false, Ordering::AcqRel)
    }

    /// Raises KeyboardInterrupt in the main thread: wakes a blocked `input()` and sends
    /// SIGINT, which also ends a `time.sleep` or any system call with EINTR.
    pub fn interrupt(&self, execution_id: Option<&str>) {
        self.interrupt_pending.store(true, Ordering::Release);
        self.wake_inputs(execution_id, || InputEvent::Interrupted);
        let _ = pthread_kill(self.main_thread, Signal::SIGINT);
    }

    fn queue(&self, envelope: phicode_sessions::protocol::Envelope) {
        lock(&self.work).push_back(envelope);
        // A full socket buffer means a wake-up is already pending: nothing is lost.
        let _ = lock(&self.wake).write(&[1]);
    }
}

/// The reader thread: frames from the host until it closes the pipe, then exit.
pub fn run_reader(
    worker: Arc<Worker>,
    pipe: File,
    control: Sender<phicode_sessions::protocol::Envelope>,
) {
    let mut reader = BufReader::with_capacity(64 * 1024, pipe);
    loop {
        let payload = match read_frame(&mut reader, worker.max_frame) {
            Ok(Some(payload)) => payload,
            // The host is gone (or broke the framing): no one is left to serve.
            Ok(None) | Err(_) => std::process::exit(0),
        };
        let envelope = match decode(&payload, worker.format) {
            Ok(envelope) => envelope,
            Err(e) => {
                let text = format!("undecodable message: {e}");
                worker.outbox.send(failure(None, ErrorKind::Protocol, "ProtocolError", text));
                continue;
            }
        };
        match &envelope.body {
            Message::Interrupt(m) => {
                let current = worker.current_id();
                let targeted = m.execution_id.as_deref();
                if current.is_some() && (targeted.is_none() || targeted == current.as_deref()) {
                    worker.inbox.interrupt(targeted);
                }
            }
            Message::InputResponse(m) => {
                let waiter = lock(&worker.inbox.inputs).remove(&m.input_id);
                if let Some((_, tx)) = waiter {
                    let event =
                        if m.eof { InputEvent::Eof } else { InputEvent::Line(m.data.clone()) };
                    let _ = tx.send(event);
                }
            }
            Message::Cancel(_)
            | Message::Complete(_)
            | Message::IsComplete(_)
            | Message::Inspect(_) => {
                let _ = control.send(envelope);
            }
            Message::Execute(_)
            | Message::Checkpoint(_)
            | Message::Restore(_)
            | Message::Shutdown(_) => {
                worker.inbox.queue(envelope);
            }
            other => {
                let text = format!("a worker does not accept `{}` messages", other.kind());
                let about = Some(envelope.id.clone());
                worker.outbox.send(failure(about, ErrorKind::Protocol, "ProtocolError", text));
            }
        }
    }
}
