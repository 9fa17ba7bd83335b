//! [`Registry`]: the server's live sessions by id, under a cap on how many exist at once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;
use crate::live::Live;

/// The live sessions.
pub struct Registry {
    slots: Arc<Semaphore>,
    max: usize,
    sessions: Mutex<HashMap<String, Arc<Live>>>,
}

impl Registry {
    /// Room for `max` sessions.
    pub fn new(max: usize) -> Self {
        Self { slots: Arc::new(Semaphore::new(max)), max, sessions: Mutex::default() }
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Live>>> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A place for one more session, or 429 (a quota, like a rate limit: delete a session
    /// or try again later) when all are taken.
    pub fn reserve(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        self.slots.clone().try_acquire_owned().map_err(|_| {
            let message = format!("the server's {} sessions are all in use", self.max);
            let error = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_sessions", message);
            ApiError { retry_after: Some(5), ..error }
        })
    }

    /// Adds a started session.
    pub fn insert(&self, live: Arc<Live>) {
        self.map().insert(live.id.clone(), live);
    }

    /// The session `id`, or 404.
    pub fn get(&self, id: &str) -> Result<Arc<Live>, ApiError> {
        self.map()
            .get(id)
            .cloned()
            .ok_or_else(|| ApiError::not_found("unknown_session", format!("no session {id}")))
    }

    /// Takes the session `id` out, or 404.
    pub fn remove(&self, id: &str) -> Result<Arc<Live>, ApiError> {
        self.map()
            .remove(id)
            .ok_or_else(|| ApiError::not_found("unknown_session", format!("no session {id}")))
    }

    /// Every session, oldest first.
    pub fn list(&self) -> Vec<Arc<Live>> {
        let mut all: Vec<_> = self.map().values().cloned().collect();
        all.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        all
    }

    /// The session that asked `promise_id` (open or answered), if one did.
    pub fn asker(&self, promise_id: &str) -> Option<Arc<Live>> {
        self.map().values().find(|live| live.knows(promise_id)).cloned()
    }

    /// Stops every session at shutdown: running cells get `grace` to finish; durable
    /// sessions are checkpointed into `state` for the next server to resume.
    pub async fn stop_all(&self, grace: Duration, state: Option<&Path>) {
        let all: Vec<_> = self.map().drain().map(|(_, live)| live).collect();
        let stopping = all.iter().map(|live| live.stop(grace, state));
        futures_util::future::join_all(stopping).await;
    }
}
