//! A session's shared state: the live worker link, who waits for what (executions by id,
//! requests by id), and the memory of finished executions that makes a repeated execution
//! id replay its outcome instead of running again.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use tokio::process::ChildStdin;
use tokio::sync::{Mutex as AsyncMutex, mpsc, oneshot};

use super::error::SessionError;
use super::event::Event;
use crate::protocol::{Envelope, Message, Ready};

/// The live worker.
pub struct Link {
    /// Frames to the worker, one writer at a time.
    pub stdin: Arc<AsyncMutex<ChildStdin>>,
    /// Dropping it (or sending) makes the supervisor kill the process.
    pub _kill: Option<oneshot::Sender<()>>,
    /// The worker's `ready`.
    pub ready: Ready,
}

/// Who waits for a request's reply.
pub type Reply = oneshot::Sender<Result<Message, SessionError>>;

/// Everyone waiting on a worker: executions and requests, by id.
pub type Waiters = (Vec<(String, mpsc::Sender<Event>)>, Vec<(String, Reply)>);

/// The mutable state, behind one lock held only briefly (never across an await).
#[derive(Default)]
pub struct State {
    pub link: Option<Link>,
    pub generation: u64,
    pub executions: HashMap<String, mpsc::Sender<Event>>,
    pub requests: HashMap<String, Reply>,
    finished: HashMap<String, Event>,
    order: VecDeque<String>,
    /// Why the worker is gone, when it is.
    pub gone: Option<String>,
}

impl State {
    /// Remembers the terminal event of `id`, forgetting the oldest past `limit`.
    pub fn remember(&mut self, id: &str, event: Event, limit: usize) {
        if limit == 0 {
            return;
        }
        if self.finished.insert(id.to_owned(), event).is_none() {
            self.order.push_back(id.to_owned());
        }
        while self.order.len() > limit {
            if let Some(old) = self.order.pop_front() {
                self.finished.remove(&old);
            }
        }
    }

    /// The terminal event of a finished execution.
    pub fn finished(&self, id: &str) -> Option<&Event> {
        self.finished.get(id)
    }

    /// Takes everyone waiting (the worker went away).
    pub fn take_waiters(&mut self) -> Waiters {
        (self.executions.drain().collect(), self.requests.drain().collect())
    }
}

/// Direction of an intercepted message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Host → worker.
    Outgoing,
    /// Worker → host.
    Incoming,
}

/// A passive observer of every message, called on the session's reader before routing
/// (incoming) or before sending (outgoing). It must not block.
pub type Interceptor = Arc<dyn Fn(Direction, &Envelope) + Send + Sync>;
