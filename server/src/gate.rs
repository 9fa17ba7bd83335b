//! The concurrency limit with a queue: `max_concurrent` requests run, up to `queue` more wait
//! their turn, and the rest are answered 503 with Retry-After at once, so a burst costs
//! memory for a bounded queue and never a pile of stalled connections.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// The slots and the queue.
#[derive(Debug)]
pub struct Gate {
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue: usize,
}

/// Counts a waiting request for as long as it waits, even when its client goes away.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Gate {
    /// `max_concurrent` slots (at least one) and room for `queue` waiting requests.
    pub fn new(max_concurrent: usize, queue: usize) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(max_concurrent.max(1))),
            waiting: AtomicUsize::new(0),
            queue,
        }
    }
}

/// The middleware.
pub async fn gate(State(gate): State<Arc<Gate>>, request: Request, next: Next) -> Response {
    let permit = match gate.slots.clone().try_acquire_owned() {
        Ok(permit) => permit,
        Err(_) => {
            if gate.waiting.fetch_add(1, Ordering::AcqRel) >= gate.queue {
                gate.waiting.fetch_sub(1, Ordering::AcqRel);
                return ApiError::busy("the server is at its limit of queued requests", 1)
                    .into_response();
            }
            let _waiting = Waiting(&gate.waiting);
            match gate.slots.clone().acquire_owned().await {
                Ok(permit) => permit,
                Err(_) => return ApiError::busy("the server is shutting down", 5).into_response(),
            }
        }
    };
    let response = next.run(request).await;
    drop(permit);
    response
}
