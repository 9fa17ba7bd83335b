//! The worker's receiving side, as the reader thread (`reader.rs`) fills it: executions
//! and other namespace work queued for the main thread (woken through a socket its event
//! loop watches), the `input()` calls waiting for their line, and pending interrupts.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, MutexGuard, PoisonError};

use nix::sys::pthread::{Pthread, pthread_kill};
use nix::sys::signal::Signal;
use phicode_sessions::protocol::Envelope;

/// What an `input()` or `approve()` call waiting for the host receives.
#[derive(Debug)]
pub enum InputEvent {
    /// The line.
    Line(String),
    /// End of input, or the execution was cancelled: EOFError.
    Eof,
    /// The execution was interrupted: KeyboardInterrupt.
    Interrupted,
    /// The answer to an `approve()`.
    Verdict(phicode_sessions::protocol::Verdict),
    /// The answer to a capability call.
    Reply(phicode_sessions::protocol::CallReply),
}

/// The state shared between the reader, the main thread and `input()` calls.
pub struct Inbox {
    /// Executions, checkpoints, restores and shutdowns, in arrival order: the main thread
    /// serves them one at a time.
    work: Mutex<VecDeque<Envelope>>,
    /// Written to when work arrives, so the main thread's event loop wakes up.
    wake: Mutex<UnixStream>,
    /// Waiting `input()` calls by input id: (their execution, where their line goes).
    inputs: Mutex<HashMap<String, (String, Sender<InputEvent>)>>,
    /// Set by `interrupt`, consumed once, so the SIGINT handler and a woken `input()` do
    /// not both raise.
    interrupt_pending: AtomicBool,
    /// The thread running Python code: interrupts are SIGINTs sent to it.
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
    pub fn take_work(&self) -> Vec<Envelope> {
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

    /// Hands `event` to the `input()` waiting for `input_id`, if one still is.
    pub fn answer_input(&self, input_id: &str, event: InputEvent) {
        if let Some((_, tx)) = lock(&self.inputs).remove(input_id) {
            let _ = tx.send(event);
        }
    }

    /// Queues work for the main thread and wakes it.
    pub fn queue(&self, envelope: Envelope) {
        lock(&self.work).push_back(envelope);
        // A full socket buffer means a wake-up is already pending: nothing is lost.
        let _ = lock(&self.wake).write(&[1]);
    }
}
