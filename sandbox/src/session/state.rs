//! The session's state: the guest instance in use, the request it is serving, the work
//! queued behind it, and what is kept to bring a replacement instance back.

use std::collections::VecDeque;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::{Receiver, Sender};
use std::time::Instant;

use phicode_core::SymbolTable;
use phicode_sessions::protocol::{Envelope, Message};
use serde_json::Value;

use crate::event::Event;
use crate::guest::instance::Guest;
use crate::guest::runtime::Runtime;
use crate::guest::watch::Stop;
use crate::host::heartbeat::Status;
use crate::host::outbox::Outbox;
use crate::options::Limits;

/// What the request in the guest is.
#[derive(Debug)]
pub enum Work {
    /// A cell.
    Exec(Exec),
    /// A `checkpoint` (also the one a `shutdown` asks for first).
    Checkpoint {
        /// Write it here instead of sending it.
        path: Option<String>,
        /// The session ends after it.
        then_shutdown: bool,
    },
    /// A `restore` from the host.
    Restore,
    /// `complete`, `is_complete` or `inspect`.
    Editing,
    /// Bringing a replacement instance back to the last saved namespace (no reply).
    Recover,
}

/// A running cell.
#[derive(Debug, Default)]
pub struct Exec {
    /// Its number, when counted (the guest numbers the same way).
    pub count: Option<u64>,
    /// `input` messages sent so far (for the deterministic input ids).
    pub inputs: u32,
    /// `approval` messages sent so far (for the deterministic approval ids).
    pub approvals: u32,
    /// The input or approval id the guest waits for, and since when.
    pub waiting: Option<(String, Instant)>,
    /// When a cancelled cell's grace period ends.
    pub cancel_at: Option<Instant>,
    /// Its `result` or `error` is sent; only its save is outstanding.
    pub answered: bool,
}

/// The request the guest is serving.
#[derive(Debug)]
pub struct Current {
    /// The host's message id (the execution id for cells).
    pub id: String,
    /// What it is.
    pub work: Work,
    /// When it was handed to the guest.
    pub started: Instant,
    /// Bytes of output it wrote.
    pub output: u64,
}

impl Current {
    /// The running cell, if this is one.
    pub fn exec(&mut self) -> Option<&mut Exec> {
        match &mut self.work {
            Work::Exec(exec) => Some(exec),
            _ => None,
        }
    }
}

/// Everything the session's loop works with.
pub struct Session {
    /// The compiled interpreter and its engine.
    pub runtime: Runtime,
    /// The instance in use.
    pub guest: Guest,
    /// The guest's command line.
    pub args: Vec<String>,
    /// The scratch folder (a temporary one is removed when the session ends).
    pub scratch: crate::scratch::Scratch,
    /// The φ symbols.
    pub table: SymbolTable,
    /// The guest's limits.
    pub limits: Limits,
    /// Where events arrive, and the sender instances report with.
    pub events: (Sender<Event>, Receiver<Event>),
    /// Frames to the host.
    pub outbox: Arc<Outbox>,
    /// What heartbeats report.
    pub status: Arc<Status>,
    /// Requests waiting for the guest.
    pub queue: VecDeque<Envelope>,
    /// The request the guest is serving.
    pub current: Option<Current>,
    /// The checkpoint taken after the last finished cell (or restore).
    pub saved: Option<Vec<u8>>,
    /// The number of the last counted cell.
    pub last_count: u64,
    /// Set once a `shutdown` was handed to the guest.
    pub shutting: bool,
    /// The instance in use said `ready` (work is handed to it only then).
    pub guest_ready: bool,
    /// Instances ended in a row before their driver said `ready`.
    pub restarts: u32,
    /// When the instance in use was told to stop (it is abandoned if it does not).
    pub stopped_at: Option<Instant>,
    /// Instances whose thread still runs, abandoned ones included.
    pub live: Arc<AtomicUsize>,
}

impl Session {
    /// Writes one request line to the guest; a dead guest is noticed by its exit event.
    pub fn tell_guest(&mut self, message: &Value) {
        let mut line = message.to_string();
        line.push('\n');
        let _ = self.guest.stdin.write_all(line.as_bytes());
    }

    /// Ends the running instance at its next epoch check.
    pub fn stop_guest(&mut self, why: Stop) {
        self.guest.watch.stop(why);
        self.runtime.engine().increment_epoch();
        self.stopped_at.get_or_insert_with(Instant::now);
    }

    /// The guest is free again: no deadline; the next request may start.
    pub fn finish(&mut self) {
        self.current = None;
        self.guest.watch.clear_budget();
        self.guest.watch.clear_stop();
        self.stopped_at = None;
        self.status.set_running(None);
    }

    /// Sends a message to the host.
    pub fn send(&self, body: Message) {
        self.outbox.send(body);
    }
}
