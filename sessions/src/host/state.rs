//! A session's bookkeeping, changed only under the session's lock: the live worker's link
//! and generation, who waits for what (executions and requests, by id) and the replay
//! memory. Every change of the link is published on a watch, so waiting for a worker to
//! go away is an await, not a poll.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::process::ChildStdin;
use tokio::sync::{Mutex as AsyncMutex, mpsc, oneshot, watch};

use super::error::SessionError;
use super::event::Event;
use super::replay::Replay;
use crate::protocol::{Message, Ready};

/// The live worker.
pub struct Link {
    /// Frames to the worker, one writer at a time.
    pub stdin: Arc<AsyncMutex<ChildStdin>>,
    /// Dropping it (or sending) makes the supervisor kill the process.
    pub _kill: oneshot::Sender<()>,
    /// The worker's `ready`, for `Session::ready`.
    pub ready: Ready,
}

/// Who waits for a request's reply.
pub type Reply = oneshot::Sender<Result<Message, SessionError>>;

/// Everyone waiting on a worker: executions and requests, by id.
pub type Waiters = (Vec<(String, mpsc::Sender<Event>)>, Vec<(String, Reply)>);

/// What [`State::register_execution`] did with a new execution.
pub enum Registration {
    /// It waits for the worker's events.
    Running,
    /// It had finished before: its terminal event is already in its channel.
    Replayed,
}

/// The bookkeeping of one session.
pub struct State {
    /// The live worker; `None` while none runs (it died, was shut down, or is restarting).
    link: Option<Link>,
    /// Counts workers and retirements, so a supervisor's late report about a worker that
    /// was replaced or shut down is told apart from one about the live worker.
    generation: u64,
    /// The generation of the live link, `None` without one: what `shutdown` awaits.
    live: watch::Sender<Option<u64>>,
    /// Why the worker is gone, for the error of each call made while it is.
    gone: Option<String>,
    /// The event channels of running executions, by execution id.
    executions: HashMap<String, mpsc::Sender<Event>>,
    /// Requests waiting for their reply, by request id.
    requests: HashMap<String, Reply>,
    /// Terminal events of finished executions.
    replay: Replay,
}

impl State {
    /// No worker yet; `replay_memory` finished executions are remembered.
    pub fn new(replay_memory: usize) -> Self {
        Self {
            link: None,
            generation: 0,
            live: watch::Sender::new(None),
            gone: None,
            executions: HashMap::new(),
            requests: HashMap::new(),
            replay: Replay::new(replay_memory),
        }
    }

    /// The live worker.
    pub fn link(&self) -> Option<&Link> {
        self.link.as_ref()
    }

    /// Makes `link` the live worker; returns its generation.
    pub fn install(&mut self, link: Link) -> u64 {
        self.generation += 1;
        self.gone = None;
        self.set_link(Some(link));
        self.generation
    }

    /// Disowns the live worker (dropping the link kills it); from now on its supervisor's
    /// report is ignored.
    pub fn retire(&mut self) -> Option<Link> {
        self.generation += 1;
        self.set_link(None)
    }

    /// Retires the worker for good: later calls are told the session was shut down.
    pub fn shut_down(&mut self) -> Option<Link> {
        self.gone = Some("it was shut down".into());
        self.retire()
    }

    /// The worker of `generation` is gone for `why`: everyone who waited on it, unless a
    /// newer worker or a retirement made that report stale.
    pub fn lose(&mut self, generation: u64, why: &str) -> Option<Waiters> {
        if generation != self.generation {
            return None;
        }
        self.gone = Some(why.to_owned());
        self.set_link(None);
        Some(self.take_waiters())
    }

    /// Takes everyone waiting (the worker went away).
    pub fn take_waiters(&mut self) -> Waiters {
        (self.executions.drain().collect(), self.requests.drain().collect())
    }

    /// The error of a call that needs a worker while there is none.
    pub fn dead(&self) -> SessionError {
        SessionError::WorkerDead(self.gone.clone().unwrap_or_else(|| "it was shut down".into()))
    }

    /// The generation of the live link (`None` without one), now and at each change.
    pub fn watch_link(&self) -> watch::Receiver<Option<u64>> {
        self.live.subscribe()
    }

    fn set_link(&mut self, link: Option<Link>) -> Option<Link> {
        self.live.send_replace(link.as_ref().map(|_| self.generation));
        std::mem::replace(&mut self.link, link)
    }

    /// Makes `events` the channel of execution `id`, or replays the outcome of an `id`
    /// that finished before.
    pub fn register_execution(
        &mut self,
        id: &str,
        events: mpsc::Sender<Event>,
    ) -> Result<Registration, SessionError> {
        if self.executions.contains_key(id) {
            return Err(SessionError::Duplicate(id.to_owned()));
        }
        if let Some(event) = self.replay.get(id) {
            let _ = events.try_send(event.clone());
            return Ok(Registration::Replayed);
        }
        if self.link.is_none() {
            return Err(self.dead());
        }
        self.executions.insert(id.to_owned(), events);
        Ok(Registration::Running)
    }

    /// The channel of running execution `id`.
    pub fn execution(&self, id: &str) -> Option<mpsc::Sender<Event>> {
        self.executions.get(id).cloned()
    }

    /// Removes the channel of execution `id`, which ended with `event`, remembering it.
    pub fn finish(&mut self, id: &str, event: &Event) -> Option<mpsc::Sender<Event>> {
        let events = self.executions.remove(id)?;
        self.replay.remember(id, event.clone());
        Some(events)
    }

    /// Removes the channel of an execution that never reached the worker.
    pub fn forget_execution(&mut self, id: &str) {
        self.executions.remove(id);
    }

    /// Remembers `event` as the end of execution `id`.
    pub fn remember(&mut self, id: &str, event: Event) {
        self.replay.remember(id, event);
    }

    /// Makes `reply` wait for the answer to request `id`.
    pub fn register_request(&mut self, id: String, reply: Reply) -> Result<(), SessionError> {
        if self.link.is_none() {
            return Err(self.dead());
        }
        self.requests.insert(id, reply);
        Ok(())
    }

    /// Takes who waits for the answer to request `id`.
    pub fn take_reply(&mut self, id: &str) -> Option<Reply> {
        self.requests.remove(id)
    }
}
