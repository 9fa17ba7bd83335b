//! What every handle of a session and its supervisor share: the bookkeeping behind one
//! lock, the observers, and the pipe to the live worker. It only answers calls (register,
//! take, send, fail waiters); reading the worker is the supervisor's job and starting one
//! the lifecycle's, and nothing here calls either.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use phicode_security::policy::Grant;
use tokio::sync::oneshot;

use tokio::io::AsyncWriteExt;
use tokio::sync::{Mutex as AsyncMutex, MutexGuard as AsyncMutexGuard, mpsc};

use super::config::SessionConfig;
use super::error::SessionError;
use super::event::Event;
use super::observers::{Direction, Observers};
use super::state::{Link, Registration, Reply, State, Waiters};
use crate::protocol::{Envelope, ErrorKind, ErrorMessage, Ready, Verdict, encode};

/// Shared by every handle of one session.
pub struct Shared {
    /// How workers are started and framed; fixed for the session's life.
    config: SessionConfig,
    /// The session id: the worker's `--session-id` and the prefix of host message ids.
    id: String,
    /// The bookkeeping, locked briefly and never across an await.
    state: Mutex<State>,
    /// Interceptors, the general channel and heartbeats.
    observers: Observers,
    /// Held while a worker starts, so a restart and a restart after a crash cannot both
    /// start one.
    starting: AsyncMutex<()>,
    /// The counter behind host message ids.
    seq: AtomicU64,
    /// What the session is granted (its level's grant, narrowed), checked on every call.
    grant: Grant,
    /// Approvals the host itself asked (a capability call beyond the grant), by approval
    /// id: answered here, never sent to the worker, which knows nothing of them.
    host_approvals: Mutex<HashMap<String, oneshot::Sender<Verdict>>>,
    /// The scratch folder the session made for its confined workers: kept here so it
    /// outlives each worker (files survive a restart) and is removed with the session.
    _scratch: Option<tempfile::TempDir>,
}

impl Shared {
    /// A session named `id` without a worker yet.
    pub fn new(
        config: SessionConfig,
        id: String,
        grant: Grant,
        scratch: Option<tempfile::TempDir>,
    ) -> Self {
        let state = Mutex::new(State::new(config.replay_memory));
        let (observers, starting) = (Observers::default(), AsyncMutex::new(()));
        let (seq, host_approvals) = (AtomicU64::new(0), Mutex::default());
        Self {
            config,
            id,
            state,
            observers,
            starting,
            seq,
            grant,
            host_approvals,
            _scratch: scratch,
        }
    }

    /// The session's settings.
    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// What the session is granted.
    pub fn grant(&self) -> &Grant {
        &self.grant
    }

    /// Registers an approval the host asks; its verdict arrives on the receiver.
    pub fn wait_host_approval(&self, approval_id: &str) -> oneshot::Receiver<Verdict> {
        let (tx, rx) = oneshot::channel();
        let mut approvals = self.host_approvals.lock().unwrap_or_else(PoisonError::into_inner);
        approvals.insert(approval_id.to_owned(), tx);
        rx
    }

    /// Answers a host-asked approval; false when `approval_id` is not one (it is the
    /// worker's, from `approve()`).
    pub fn settle_host_approval(&self, approval_id: &str, verdict: Verdict) -> bool {
        let mut approvals = self.host_approvals.lock().unwrap_or_else(PoisonError::into_inner);
        match approvals.remove(approval_id) {
            Some(waiting) => {
                let _ = waiting.send(verdict);
                true
            }
            None => false,
        }
    }

    /// The session id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Interceptors, the general channel and heartbeats.
    pub fn observers(&self) -> &Observers {
        &self.observers
    }

    /// A message id unique within the session (`<session>:<prefix><n>`).
    pub fn next_id(&self, prefix: &str) -> String {
        format!("{}:{prefix}{}", self.id, self.seq.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Waits until no other worker is being started; hold it while starting one.
    pub async fn starting(&self) -> AsyncMutexGuard<'_, ()> {
        self.starting.lock().await
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The live worker's `ready`.
    pub fn ready(&self) -> Option<Ready> {
        self.lock().link().map(|link| link.ready.clone())
    }

    /// Whether a worker is live.
    pub fn is_alive(&self) -> bool {
        self.lock().link().is_some()
    }

    /// Makes `link` the live worker; returns its generation, for its supervisor's report.
    pub fn install(&self, link: Link) -> u64 {
        self.lock().install(link)
    }

    /// Kills the live worker, whose supervisor's report is ignored from now on, and takes
    /// everyone who waited on it.
    pub fn retire(&self) -> Waiters {
        let (old, waiters) = {
            let mut state = self.lock();
            (state.retire(), state.take_waiters())
        };
        drop(old); // Dropping its kill switch kills the process.
        waiters
    }

    /// Kills the live worker if it has not exited, for good.
    pub fn shut_down(&self) {
        let old = self.lock().shut_down();
        drop(old); // Outside the lock, like every kill.
    }

    /// The worker of `generation` is gone for `why`: everyone waiting on it gets a
    /// `WorkerDied` error. False when that worker was no longer the live one.
    pub async fn worker_gone(&self, generation: u64, why: &str) -> bool {
        let waiters = self.lock().lose(generation, why);
        let Some(waiters) = waiters else { return false };
        self.fail_waiters(waiters, ErrorKind::WorkerDied, why).await;
        true
    }

    /// Resolves once the worker live now is gone (at once when there is none).
    pub async fn link_gone(&self) {
        let mut live = self.lock().watch_link();
        let now = *live.borrow_and_update();
        if let Some(generation) = now {
            let _ = live.wait_for(|live| *live != Some(generation)).await;
        }
    }

    /// Ends every waiter with an error of `kind` saying `why`.
    pub async fn fail_waiters(&self, (executions, requests): Waiters, kind: ErrorKind, why: &str) {
        let name = if kind == ErrorKind::Restarted { "SessionRestarted" } else { "WorkerDied" };
        for (id, events) in executions {
            let error = ErrorMessage::synthetic(Some(id.clone()), kind, name, why);
            let event = Event::Error(error);
            self.lock().remember(&id, event.clone());
            let _ = events.send(event).await;
        }
        for (_, reply) in requests {
            let _ = reply.send(Err(SessionError::WorkerDead(why.to_owned())));
        }
    }

    /// Frames `envelope` to the live worker.
    pub async fn send(&self, envelope: Envelope) -> Result<(), SessionError> {
        let stdin = {
            let state = self.lock();
            match state.link() {
                Some(link) => link.stdin.clone(),
                None => return Err(state.dead()),
            }
        };
        self.observers.intercept(Direction::Outgoing, &envelope);
        let frame = encode(&envelope, self.config.format, self.config.max_frame_bytes)?;
        let mut pipe = stdin.lock().await;
        let written = pipe.write_all(&frame).await;
        written.and(pipe.flush().await).map_err(|e| SessionError::WorkerDead(e.to_string()))
    }

    /// See [`State::register_execution`].
    pub fn register_execution(
        &self,
        id: &str,
        events: mpsc::Sender<Event>,
    ) -> Result<Registration, SessionError> {
        self.lock().register_execution(id, events)
    }

    /// The channel of running execution `id`.
    pub fn execution(&self, id: &str) -> Option<mpsc::Sender<Event>> {
        self.lock().execution(id)
    }

    /// Takes the channel of execution `id`, which ended with `event`, and remembers it.
    pub fn finish_execution(&self, id: &str, event: &Event) -> Option<mpsc::Sender<Event>> {
        self.lock().finish(id, event)
    }

    /// Drops the channel of an execution that never reached the worker.
    pub fn forget_execution(&self, id: &str) {
        self.lock().forget_execution(id);
    }

    /// Makes `reply` wait for the answer to request `id` (an error without a worker).
    pub fn register_request(&self, id: String, reply: Reply) -> Result<(), SessionError> {
        self.lock().register_request(id, reply)
    }

    /// Takes who waits for the answer to request `id`.
    pub fn take_reply(&self, id: &str) -> Option<Reply> {
        self.lock().take_reply(id)
    }
}
