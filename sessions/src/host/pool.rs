//! [`SessionPool`]: warm workers, so a new session starts in the time it takes to hand one
//! over, and a cap on how many sessions run at once. Each worker carries the pool's
//! resource limits (rlimits). A released session is shut down, never reused: the next
//! user gets a fresh namespace.

use std::collections::VecDeque;
use std::ops::Deref;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::config::SessionConfig;
use super::error::SessionError;
use super::session::Session;

/// A pool's settings.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// How every worker is started (its `limits` apply to each session).
    pub session: SessionConfig,
    /// Idle workers kept started.
    pub warm: usize,
    /// Sessions handed out at once, at most.
    pub max_sessions: usize,
    /// How long `acquire` waits for a free slot.
    pub acquire_timeout: Duration,
}

struct Inner {
    config: PoolConfig,
    idle: Mutex<VecDeque<Session>>,
    slots: Arc<Semaphore>,
    refills: Mutex<usize>,
}

/// A pool of sessions.
#[derive(Clone)]
pub struct SessionPool {
    inner: Arc<Inner>,
}

/// A session from the pool; shut down when dropped, which frees its slot.
pub struct PooledSession {
    session: Session,
    _slot: OwnedSemaphorePermit,
}

impl Deref for PooledSession {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

impl SessionPool {
    /// Starts the pool and its `warm` workers (in parallel), waiting for them.
    pub async fn new(config: PoolConfig) -> Result<Self, SessionError> {
        let slots = Arc::new(Semaphore::new(config.max_sessions));
        let inner =
            Arc::new(Inner { config, idle: Mutex::default(), slots, refills: Mutex::new(0) });
        let starts: Vec<_> = (0..inner.config.warm)
            .map(|_| tokio::spawn(Session::start(inner.config.session.clone())))
            .collect();
        for start in starts {
            let session = start.await.map_err(|e| SessionError::Start(e.to_string()))??;
            inner.idle.lock().unwrap_or_else(PoisonError::into_inner).push_back(session);
        }
        Ok(Self { inner })
    }

    /// Idle workers ready to hand out.
    pub fn idle(&self) -> usize {
        self.inner.idle.lock().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// Sessions handed out now.
    pub fn in_use(&self) -> usize {
        self.inner.config.max_sessions - self.inner.slots.available_permits()
    }

    /// A session: a warm one when there is one, else a freshly started one. Waits up to
    /// `acquire_timeout` when `max_sessions` are in use.
    pub async fn acquire(&self) -> Result<PooledSession, SessionError> {
        let wait = self.inner.slots.clone().acquire_owned();
        let slot = match tokio::time::timeout(self.inner.config.acquire_timeout, wait).await {
            Ok(Ok(slot)) => slot,
            _ => {
                let max = self.inner.config.max_sessions;
                return Err(SessionError::Exhausted(format!("all {max} sessions are in use")));
            }
        };
        let warm = loop {
            let next = self.inner.idle.lock().unwrap_or_else(PoisonError::into_inner).pop_front();
            match next {
                Some(session) if session.is_alive() => break Some(session),
                Some(_) => continue, // It died while idle.
                None => break None,
            }
        };
        self.refill();
        let session = match warm {
            Some(session) => session,
            None => Session::start(self.inner.config.session.clone()).await?,
        };
        Ok(PooledSession { session, _slot: slot })
    }

    /// Starts workers in the background until `warm` are idle or starting.
    fn refill(&self) {
        let mut refills = self.inner.refills.lock().unwrap_or_else(PoisonError::into_inner);
        let missing = self.inner.config.warm.saturating_sub(self.idle() + *refills);
        *refills += missing;
        for _ in 0..missing {
            let inner = Arc::clone(&self.inner);
            tokio::spawn(async move {
                let started = Session::start(inner.config.session.clone()).await;
                *inner.refills.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
                if let Ok(session) = started {
                    inner.idle.lock().unwrap_or_else(PoisonError::into_inner).push_back(session);
                }
            });
        }
    }
}

impl Drop for PooledSession {
    fn drop(&mut self) {
        let session = self.session.clone();
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move { session.shutdown(Duration::from_millis(200)).await });
        }
    }
}
