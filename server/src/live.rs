//! [`Live`]: one session of the server: its worker, its event stream, the questions its code
//! waits on, and the pump that reads each execution into all of them (answering them is
//! `settle.rs`).

use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use phicode_security::Level;
use phicode_sessions::host::{Event, Execution, Session};
use phicode_sessions::protocol::{Execute, StreamName};
use tokio::sync::{OwnedSemaphorePermit, broadcast, oneshot, watch};

use crate::error::ApiError;
use crate::gather::{Gathered, append};
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
    /// Executions not finished.
    pub running: AtomicUsize,
    /// The latest checkpoint, for `restore`.
    pub checkpoint: Mutex<Option<Vec<u8>>>,
    pub(crate) events: broadcast::Sender<Streamed>,
    pub(crate) questions: Mutex<BTreeMap<String, Question>>,
    pub(crate) settled: Mutex<VecDeque<String>>,
    closed: watch::Sender<bool>,
    _slot: OwnedSemaphorePermit,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Live {
    /// Wraps a started session; `slot` is its place under the server's session cap.
    pub fn new(session: Session, level: Level, slot: OwnedSemaphorePermit) -> Self {
        let created = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            id: session.id().to_owned(),
            session,
            level,
            created,
            executions: AtomicU64::new(0),
            running: AtomicUsize::new(0),
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

    /// The questions waiting.
    pub fn questions(&self) -> Vec<Question> {
        lock(&self.questions).values().cloned().collect()
    }

    /// Whether `promise_id` is a question of this session, open or already answered.
    pub fn knows(&self, promise_id: &str) -> bool {
        let open = lock(&self.questions).contains_key(promise_id);
        open || lock(&self.settled).iter().any(|s| s == promise_id)
    }

    /// Ends the session: streams end, the worker gets `grace` to finish what runs.
    pub async fn close(&self, grace: std::time::Duration) {
        let _ = self.closed.send(true);
        let _ = self.session.shutdown(grace).await;
    }

    /// Starts `cell` as the next execution; the receiver gets everything it produced (output
    /// kept up to `cap` bytes) when it ends.
    pub async fn start(
        self: &Arc<Self>,
        mut cell: Execute,
        cap: usize,
    ) -> Result<(String, oneshot::Receiver<Gathered>), ApiError> {
        let n = self.executions.fetch_add(1, Ordering::AcqRel) + 1;
        let id = format!("{}:{n}", self.id);
        cell.allow_stdin = true;
        let execution = self
            .session
            .execute_request(Some(id.clone()), cell)
            .await
            .map_err(|e| ApiError::from_session(&e))?;
        self.running.fetch_add(1, Ordering::AcqRel);
        let _ = self.events.send(Streamed::Started { execution_id: id.clone() });
        let (done, result) = oneshot::channel();
        tokio::spawn(Arc::clone(self).pump(execution, cap, done));
        Ok((id, result))
    }

    async fn pump(
        self: Arc<Self>,
        mut execution: Execution,
        cap: usize,
        done: oneshot::Sender<Gathered>,
    ) {
        let start = std::time::Instant::now();
        let mut gathered = Gathered::default();
        let mut used = 0;
        while let Some(event) = execution.next().await {
            let streamed = Streamed::from_event(&event, &self.id);
            if let Streamed::Question(q) = &streamed {
                lock(&self.questions).insert(q.promise_id.clone(), q.clone());
            }
            let _ = self.events.send(streamed);
            match event {
                Event::Output(o) => {
                    let text = match o.stream {
                        StreamName::Stdout => &mut gathered.stdout,
                        StreamName::Stderr => &mut gathered.stderr,
                    };
                    gathered.truncated |= !append(text, &o.data, &mut used, cap);
                }
                Event::Result(r) => gathered.result = Some(r),
                Event::Error(e) => gathered.error = Some(e),
                _ => {}
            }
        }
        // Questions of a finished execution can no longer be answered.
        lock(&self.questions).retain(|_, q| q.execution_id.as_deref() != Some(execution.id()));
        self.running.fetch_sub(1, Ordering::AcqRel);
        gathered.elapsed = start.elapsed().as_secs_f64();
        let _ = done.send(gathered);
    }
}
