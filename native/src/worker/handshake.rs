//! `ready`, the worker's first message, and the heartbeats that may only follow it.

use phicode_sessions::protocol::{Message, PROTOCOL_VERSION, Ready};
use pyo3::prelude::*;

use super::state::worker;
use super::threads::{heartbeat, spawn};

/// Announces the worker (the engine calls it once its loop is up), then starts the
/// heartbeats the host asked for.
#[pyfunction]
pub fn ready(capabilities: Vec<String>, python_version: String) {
    let w = worker();
    w.outbox.send(Message::Ready(Ready {
        session_id: w.session_id.clone(),
        capabilities,
        protocol_version: PROTOCOL_VERSION,
        worker_version: env!("CARGO_PKG_VERSION").to_owned(),
        python_version,
        pid: std::process::id(),
        max_frame_bytes: w.max_frame,
    }));
    if let Some(every) = w.heartbeat {
        spawn("heartbeat", move || heartbeat(worker().clone(), every));
    }
}
