//! Heartbeats: the sandbox's resource use every period, as the native worker sends them
//! (resident memory and CPU of the whole process, which holds the guest's memory).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use phicode_sessions::protocol::{Heartbeat, Message};

use super::outbox::Outbox;

/// Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux ABI).
const USER_HZ: f64 = 100.0;
/// Bytes per page in /proc/self/statm.
const PAGE: u64 = 4096;

/// What the heartbeats report about the session, updated by its loop.
#[derive(Default)]
pub struct Status {
    /// The running execution.
    pub running: Mutex<Option<String>>,
    /// Names in the guest's namespace after the last request.
    pub namespace_size: AtomicU64,
    /// Set when the session ends: the heartbeat thread stops.
    pub ended: AtomicBool,
}

impl Status {
    /// Sets the running execution.
    pub fn set_running(&self, id: Option<String>) {
        *self.running.lock().unwrap_or_else(PoisonError::into_inner) = id;
    }
}

/// Starts sending a heartbeat every `every`.
pub fn start(outbox: Arc<Outbox>, status: Arc<Status>, every: Duration) -> std::io::Result<()> {
    std::thread::Builder::new().name("sandbox-heartbeat".into()).spawn(move || {
        let mut last = (Instant::now(), cpu_seconds());
        loop {
            std::thread::sleep(every);
            if status.ended.load(Ordering::Relaxed) || outbox.host_gone() {
                return;
            }
            let now = (Instant::now(), cpu_seconds());
            let wall = now.0.duration_since(last.0).as_secs_f64().max(1e-9);
            let cpu_percent = ((now.1 - last.1) / wall * 100.0).max(0.0);
            last = now;
            let running = status.running.lock().unwrap_or_else(PoisonError::into_inner).clone();
            outbox.send(Message::Heartbeat(Heartbeat {
                memory_usage: resident_bytes(),
                cpu_percent,
                namespace_size: status.namespace_size.load(Ordering::Relaxed),
                execution_id: running,
            }));
        }
    })?;
    Ok(())
}

fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) * PAGE
}

/// User and system CPU seconds of the process (fields 14 and 15 of /proc/self/stat, after
/// the command name, which may hold spaces but ends at the last `)`).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / USER_HZ
}
