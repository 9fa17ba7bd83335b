//! What passive observers of a session see: every message both ways (interceptors), the
//! events no execution awaits (the general channel) and the latest heartbeat.

use std::sync::{Arc, PoisonError, RwLock};

use tokio::sync::{broadcast, watch};

use super::event::Event;
use crate::protocol::{Envelope, Heartbeat};

/// How far a subscriber of the general channel may fall behind before it misses events.
const GENERAL_BACKLOG: usize = 1024;

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

/// A session's observers.
pub struct Observers {
    /// Called with every message; read on every message, written only when one is added.
    interceptors: RwLock<Vec<Interceptor>>,
    /// Events that belong to no running execution (output of background tasks, protocol
    /// errors); a broadcast, so having no subscriber costs nothing.
    general: broadcast::Sender<Event>,
    /// The latest heartbeat: a watch, since only the newest matters.
    heartbeats: watch::Sender<Option<Heartbeat>>,
}

impl Default for Observers {
    fn default() -> Self {
        Self {
            interceptors: RwLock::default(),
            general: broadcast::channel(GENERAL_BACKLOG).0,
            heartbeats: watch::channel(None).0,
        }
    }
}

impl Observers {
    /// Calls `interceptor` with every message from now on.
    pub fn add_interceptor(&self, interceptor: Interceptor) {
        let mut interceptors = self.interceptors.write().unwrap_or_else(PoisonError::into_inner);
        interceptors.push(interceptor);
    }

    /// Shows `envelope` to every interceptor.
    pub fn intercept(&self, direction: Direction, envelope: &Envelope) {
        let interceptors = self.interceptors.read().unwrap_or_else(PoisonError::into_inner);
        for interceptor in interceptors.iter() {
            interceptor(direction, envelope);
        }
    }

    /// Sends `event` to the general channel's subscribers, if any.
    pub fn publish(&self, event: Event) {
        let _ = self.general.send(event);
    }

    /// The general channel's events from now on.
    pub fn events(&self) -> broadcast::Receiver<Event> {
        self.general.subscribe()
    }

    /// Makes `heartbeat` the latest one.
    pub fn heartbeat(&self, heartbeat: Heartbeat) {
        self.heartbeats.send_replace(Some(heartbeat));
    }

    /// The latest heartbeat, and those to come.
    pub fn heartbeats(&self) -> watch::Receiver<Option<Heartbeat>> {
        self.heartbeats.subscribe()
    }
}
