//! [`Live`]: one session of the server: its worker (durable or not), its event stream and
//! the questions its code waits on. Running cells is `pump.rs`, answering questions
//! `settle.rs`, checkpoints `keep.rs`.

use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, PoisonError};

use phicode_durable::DurableSession;
use phicode_security::Level;
use phicode_sessions::host::Session;
use tokio::sync::{OwnedSemaphorePermit, broadcast, watch};

use crate::streamed::{Question, Streamed};

/// A live session.
pub struct Live {
    /// Its id.
    pub id: String,
    /// Its worker.
    pub session: Session,
    /// Its level.
    pub level: Level,
    /// When it was created (seconds since the Unix epoch).
    pub created: u64,
    /// Executions started.
    pub executions: AtomicU64,
    /// Executions not finished (watched by a shutdown waiting for them).
    pub running: watch::Sender<usize>,
    /// The durable side of a durable session: executions and questions are promises, its
    /// names are checkpointed into its state folder, and a dead worker is replaced with them.
    pub durable: Option<Arc<DurableSession>>,
    /// An ephemeral session's latest checkpoint, for `restore` (a durable one's is on disk).
    pub checkpoint: Mutex<Option<Vec<u8>>>,
    pub(crate) events: broadcast::Sender<Streamed>,
    pub(crate) questions: Mutex<BTreeMap<String, Question>>,
    /// Questions answered or no longer waited on, newest last (`settle.rs`).
    pub(crate) settled: Mutex<VecDeque<String>>,
    pub(crate) closed: watch::Sender<bool>,
    _slot: OwnedSemaphorePermit,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Live {
    /// Wraps a started session; `slot` is its place under the server's session cap.
    pub fn new(session: Session, level: Level, slot: OwnedSemaphorePermit) -> Self {
        Self::with(session, None, level, slot)
    }

    /// Wraps a started durable session.
    pub fn durable(durable: DurableSession, level: Level, slot: OwnedSemaphorePermit) -> Self {
        let session = durable.session().clone();
        Self::with(session, Some(Arc::new(durable)), level, slot)
    }

    fn with(
        session: Session,
        durable: Option<Arc<DurableSession>>,
        level: Level,
        slot: OwnedSemaphorePermit,
    ) -> Self {
        let created = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            id: session.id().to_owned(),
            session,
            durable,
            level,
            created,
            executions: AtomicU64::new(0),
            running: watch::channel(0).0,
            checkpoint: Mutex::new(None),
            events: broadcast::channel(1024).0,
            questions: Mutex::default(),
            settled: Mutex::default(),
            closed: watch::channel(false).0,
            _slot: slot,
        }
    }

    /// Every event from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Streamed> {
        self.events.subscribe()
    }

    /// Turns true when the session is deleted.
    pub fn closed(&self) -> watch::Receiver<bool> {
        self.closed.subscribe()
    }

    /// The questions waiting (a durable session's may be answered elsewhere too, through
    /// its promises: those are left out).
    pub fn questions(&self) -> Vec<Question> {
        if let Some(durable) = &self.durable {
            let open = durable.open_questions();
            self.retire(|q| !open.contains(&q.promise_id));
        }
        lock(&self.questions).values().cloned().collect()
    }

    /// Whether `promise_id` is a question of this session, open or already answered.
    pub fn knows(&self, promise_id: &str) -> bool {
        let open = lock(&self.questions).contains_key(promise_id);
        open || lock(&self.settled).iter().any(|s| s == promise_id)
    }
}
