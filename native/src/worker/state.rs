//! [`Worker`]: what the worker's threads share (the outbox, the inbox, the session's facts
//! and the running execution), and the one instance of it in this process.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use phicode_core::SymbolTable;
use phicode_sessions::protocol::Format;

use super::inbox::Inbox;
use super::outbox::Outbox;

/// What the worker's threads share.
pub struct Worker {
    /// Everything sent to the host goes through it (one writer, output merged).
    pub outbox: Outbox,
    /// Work queued for the main thread, `input()` calls waiting, pending interrupts.
    pub inbox: Inbox,
    /// The frame encoding the host chose.
    pub format: Format,
    /// The largest frame either way (the reader refuses larger ones).
    pub max_frame: u32,
    /// Announced in `ready`, so the host can tell its workers apart.
    pub session_id: String,
    /// The dialect φ cells convert with.
    pub table: SymbolTable,
    /// Names in the namespace after the last execution, for heartbeats.
    pub namespace_size: AtomicU64,
    /// How often heartbeats go out (none when the host asked for none).
    pub heartbeat: Option<Duration>,
    /// The running execution: output written outside any execution's context (fd 1 and
    /// 2, threads) belongs to it, and interrupts target it.
    current: Mutex<Option<Arc<str>>>,
    /// Questions (`input()`, `approve()`) per execution and kind so far, for
    /// deterministic ids.
    questions_asked: Mutex<HashMap<Arc<str>, u64>>,
}

static WORKER: OnceLock<Arc<Worker>> = OnceLock::new();

/// The worker of this process (set before any Python code runs).
pub fn worker() -> &'static Arc<Worker> {
    // Only Python code reaches here, and it runs after `install`: no other state is possible.
    WORKER.get().unwrap_or_else(|| std::process::exit(70))
}

/// Makes `worker` the process's worker (once; later calls are ignored).
pub fn install(worker: Arc<Worker>) {
    let _ = WORKER.set(worker);
}

impl Worker {
    /// A worker with no execution running.
    pub fn new(
        outbox: Outbox,
        inbox: Inbox,
        session_id: String,
        table: SymbolTable,
        heartbeat: Option<Duration>,
    ) -> Self {
        Self {
            format: outbox.format(),
            max_frame: outbox.max_frame(),
            outbox,
            inbox,
            session_id,
            table,
            namespace_size: AtomicU64::new(0),
            heartbeat,
            current: Mutex::default(),
            questions_asked: Mutex::default(),
        }
    }

    /// The running execution's id.
    pub fn current_id(&self) -> Option<Arc<str>> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Marks `execution` as the running one (`None` when it ended).
    pub fn set_current(&self, execution: Option<&str>) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = execution.map(Arc::from);
    }

    /// `{execution}:{kind}:{n}` for the n-th question of that kind (`input`, `approve`):
    /// deterministic, so a replayed execution asks under the same ids.
    pub fn next_question_id(&self, execution: &str, kind: &str) -> String {
        let mut asked = self.questions_asked.lock().unwrap_or_else(PoisonError::into_inner);
        let n = asked.entry(Arc::from(format!("{execution}:{kind}"))).or_insert(0);
        *n += 1;
        format!("{execution}:{kind}:{n}")
    }
}
