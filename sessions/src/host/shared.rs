//! The inside of a session: starting workers, sending frames, and failing whoever waits
//! on a worker that went away. [`super::Session`] is the public face of it; the helpers
//! the supervisor routes incoming messages with are in [`routing`].

mod routing;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

use tokio::io::AsyncWriteExt;
use tokio::sync::{Mutex as AsyncMutex, broadcast, oneshot, watch};

use super::config::SessionConfig;
use super::error::SessionError;
use super::event::Event;
use super::spawn;
use super::state::{Direction, Interceptor, Link, State};
use super::supervise::{self, gone_error};
use crate::protocol::{Envelope, ErrorKind, Heartbeat, Message, encode};

/// Shared by every handle of one session.
pub struct Shared {
    pub(crate) config: SessionConfig,
    pub(crate) id: String,
    pub(crate) state: Mutex<State>,
    pub(crate) interceptors: RwLock<Vec<Interceptor>>,
    pub(crate) general: broadcast::Sender<Event>,
    pub(crate) heartbeats: watch::Sender<Option<Heartbeat>>,
    pub(crate) starting: AsyncMutex<()>,
    seq: AtomicU64,
}

impl Shared {
    pub(crate) fn new(config: SessionConfig, id: String) -> Self {
        Self {
            config,
            id,
            state: Mutex::default(),
            interceptors: RwLock::default(),
            general: broadcast::channel(1024).0,
            heartbeats: watch::channel(None).0,
            starting: AsyncMutex::new(()),
            seq: AtomicU64::new(0),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn next_id(&self, prefix: &str) -> String {
        format!("{}:{prefix}{}", self.id, self.seq.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Starts a worker and makes it the live one. (Boxed: a supervisor may call it again
    /// to restart after a crash, and the recursion needs a named future type.)
    pub(crate) fn launch(
        self: &Arc<Self>,
    ) -> Pin<Box<dyn Future<Output = Result<(), SessionError>> + Send + '_>> {
        Box::pin(async move {
            let started = spawn::start(&self.config, &self.id).await?;
            let (kill, killed) = oneshot::channel();
            let ready = Envelope::new("ready", Message::Ready(started.ready.clone()));
            let generation = {
                let mut state = self.lock();
                state.generation += 1;
                let generation = state.generation;
                let stdin = Arc::new(AsyncMutex::new(started.stdin));
                state.link = Some(Link { stdin, _kill: Some(kill), ready: started.ready });
                state.gone = None;
                generation
            };
            self.intercept(Direction::Incoming, &ready);
            let weak = Arc::downgrade(self);
            let supervisor = supervise::run(
                weak,
                generation,
                started.child,
                started.stdout,
                started.stderr,
                killed,
            );
            tokio::spawn(supervisor);
            Ok(())
        })
    }

    /// Frames `envelope` to the live worker.
    pub(crate) async fn send(&self, envelope: Envelope) -> Result<(), SessionError> {
        let stdin = {
            let state = self.lock();
            match &state.link {
                Some(link) => link.stdin.clone(),
                None => return Err(self.dead(&state)),
            }
        };
        self.intercept(Direction::Outgoing, &envelope);
        let frame = encode(&envelope, self.config.format, self.config.max_frame_bytes)?;
        let mut pipe = stdin.lock().await;
        let written = pipe.write_all(&frame).await;
        written.and(pipe.flush().await).map_err(|e| SessionError::WorkerDead(e.to_string()))
    }

    pub(crate) fn dead(&self, state: &State) -> SessionError {
        SessionError::WorkerDead(state.gone.clone().unwrap_or_else(|| "it was shut down".into()))
    }

    pub(crate) fn intercept(&self, direction: Direction, envelope: &Envelope) {
        let interceptors = self.interceptors.read().unwrap_or_else(PoisonError::into_inner);
        for interceptor in interceptors.iter() {
            interceptor(direction, envelope);
        }
    }

    /// Fails everyone waiting on the worker of `generation` (unless a newer one replaced it).
    pub(crate) async fn worker_gone(
        self: &Arc<Self>,
        generation: u64,
        why: String,
        kind: ErrorKind,
    ) {
        let (executions, requests) = {
            let mut state = self.lock();
            if state.generation != generation {
                return; // A restart already moved everyone on.
            }
            state.link = None;
            state.gone = Some(why.clone());
            state.take_waiters()
        };
        self.fail_waiters(executions, requests, kind, &why).await;
        if self.config.restart_on_crash && kind == ErrorKind::WorkerDied {
            let _starting = self.starting.lock().await;
            if self.lock().link.is_none() {
                let _ = self.launch().await;
            }
        }
    }

    pub(crate) async fn fail_waiters(
        &self,
        executions: Vec<(String, tokio::sync::mpsc::Sender<Event>)>,
        requests: Vec<(String, super::state::Reply)>,
        kind: ErrorKind,
        why: &str,
    ) {
        for (id, events) in executions {
            let event = Event::Error(gone_error(&id, kind, why));
            self.lock().remember(&id, event.clone(), self.config.replay_memory);
            let _ = events.send(event).await;
        }
        for (_, reply) in requests {
            let _ = reply.send(Err(SessionError::WorkerDead(why.to_owned())));
        }
    }
}
