//! [`Live`]: the live side of a durable session: the worker's session, who listens to
//! each running execution's events, and which executions run here now.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use phicode_sessions::host::{Event, Session};
use resonate_sdk::resonate::Resonate;
use resonate_sdk::types::Value;
use tokio::sync::{mpsc, watch};

use crate::open::OpenQuestions;
use crate::recovery::OnCrash;
use crate::state::StateDir;

/// The live side of a durable session.
pub struct Live {
    /// The session executions run in.
    pub session: Session,
    /// Who gets the events of a running execution (its caller, through `DurableSession`).
    listeners: Mutex<HashMap<String, mpsc::Sender<Event>>>,
    /// The questions waiting for an answer: what `phicode promise list` shows of it.
    pub open: OpenQuestions,
    /// Executions this process is running, so a second caller of the same id waits for
    /// the first one's outcome instead of sending the code again.
    running: Mutex<HashSet<String>>,
    /// Where checkpoints go (none: no checkpoints, and a crash restores nothing).
    pub state: Option<StateDir>,
    /// What happens to an execution whose worker died.
    pub on_crash: OnCrash,
    /// How long an `input()` or `approve()` waits for its promise to be settled.
    pub question_timeout: Option<Duration>,
    /// The count of the last successful execution: the checkpointer watches it.
    pub done: watch::Sender<u64>,
    /// Whose promises these are (in process, or a server's client).
    pub resonate: Arc<Resonate>,
}

impl Live {
    /// The live side of `session`.
    pub fn new(
        session: Session,
        resonate: Arc<Resonate>,
        state: Option<StateDir>,
        on_crash: OnCrash,
        question_timeout: Option<Duration>,
    ) -> Self {
        Self {
            session,
            state,
            on_crash,
            question_timeout,
            done: watch::channel(0).0,
            listeners: Mutex::default(),
            running: Mutex::default(),
            open: OpenQuestions::default(),
            resonate,
        }
    }

    /// Marks execution `id` as running here; false when it already is.
    pub fn claim(&self, id: &str) -> bool {
        self.running.lock().unwrap_or_else(PoisonError::into_inner).insert(id.to_owned())
    }

    /// Execution `id` no longer runs here.
    pub fn release(&self, id: &str) {
        self.running.lock().unwrap_or_else(PoisonError::into_inner).remove(id);
    }

    /// Sends the events of execution `id` to `events` while it runs.
    pub fn listen(&self, id: &str, events: mpsc::Sender<Event>) {
        self.listeners.lock().unwrap_or_else(PoisonError::into_inner).insert(id.into(), events);
    }

    /// Stops sending the events of execution `id`.
    pub fn forget(&self, id: &str) {
        self.listeners.lock().unwrap_or_else(PoisonError::into_inner).remove(id);
    }

    /// Hands `event` of execution `id` to its listener (waiting while it is behind).
    pub async fn tell(&self, id: &str, event: Event) {
        let listener =
            self.listeners.lock().unwrap_or_else(PoisonError::into_inner).get(id).cloned();
        if let Some(listener) = listener {
            let _ = listener.send(event).await;
        }
    }
}

/// A promise value holding `data`.
pub fn value(data: serde_json::Value) -> Value {
    Value { headers: None, data: Some(data) }
}
