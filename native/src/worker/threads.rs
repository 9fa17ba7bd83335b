//! The worker's helper threads that never touch Python (forwarding captured fds as
//! output, heartbeats), and how every worker thread is started.

use std::fs::File;
use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use phicode_sessions::protocol::{Heartbeat, Message, StreamName};

use super::state::Worker;

/// Starts a named thread (`worker-NAME` in debuggers and `top -H`).
pub fn spawn(name: &str, f: impl FnOnce() + Send + 'static) {
    let _ = std::thread::Builder::new().name(format!("worker-{name}")).spawn(f);
}

/// Forwards what is written to a captured fd, as `output` of the running execution.
pub fn forward(worker: Arc<Worker>, mut pipe: File, stream: StreamName) {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = match pipe.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        carry.extend_from_slice(&buffer[..n]);
        // Keep an incomplete UTF-8 sequence at the end for the next read.
        let valid = match std::str::from_utf8(&carry) {
            Ok(_) => carry.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => carry.len(),
        };
        let text = String::from_utf8_lossy(&carry[..valid]).into_owned();
        carry.drain(..valid);
        for piece in worker.outbox.pieces(&text) {
            worker.outbox.push(worker.current_id(), stream, piece);
        }
    }
}

fn cpu_seconds() -> f64 {
    getrusage(UsageWho::RUSAGE_SELF).map_or(0.0, |u| {
        let t = |tv: nix::sys::time::TimeVal| tv.tv_sec() as f64 + tv.tv_usec() as f64 / 1e6;
        t(u.user_time()) + t(u.system_time())
    })
}

/// Resident memory in bytes, from /proc/self/statm.
pub fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096
}

/// Sends a heartbeat every `every`.
pub fn heartbeat(worker: Arc<Worker>, every: Duration) {
    let mut last = (Instant::now(), cpu_seconds());
    loop {
        std::thread::sleep(every);
        let now = (Instant::now(), cpu_seconds());
        let wall = now.0.duration_since(last.0).as_secs_f64().max(1e-9);
        let cpu_percent = ((now.1 - last.1) / wall * 100.0).max(0.0);
        last = now;
        worker.outbox.send(Message::Heartbeat(Heartbeat {
            memory_usage: resident_bytes(),
            cpu_percent,
            namespace_size: worker.namespace_size.load(std::sync::atomic::Ordering::Relaxed),
            execution_id: worker.current_id().map(|e| e.to_string()),
        }));
    }
}
