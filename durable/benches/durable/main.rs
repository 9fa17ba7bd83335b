//! The durable sessions benchmark, one run printing: the round trip of `1+1` with local
//! durability and without; an `input()` settled over the control socket and by a
//! `phicode promise` process; checkpoints of 1 KB, 1 MB and 100 MB namespaces; a SIGKILLed
//! worker with a 10 MB namespace back in service; 1000 `input()` calls waiting at once, then
//! all settled.
//!
//! `cargo build --release -p phicode && cargo bench -p phicode-durable --bench durable`
//! (PHICODE_BIN names another binary).
#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../../../sessions/tests/common/mod.rs"]
mod common;
mod measures;
mod questions;
// The session benchmark's medians and times, so both benchmarks print figures alike.
#[path = "../../../sessions/benches/session/support.rs"]
#[allow(dead_code)]
mod support;

use phicode_durable::{DurableConfig, DurableSession};
use support::{median, ms};

/// A durable session with its checkpoints in `state`.
pub async fn durable(state: &tempfile::TempDir) -> DurableSession {
    let settings =
        DurableConfig { state_dir: Some(state.path().into()), ..DurableConfig::default() };
    DurableSession::start(common::config(), settings).await.unwrap()
}

/// The remote-mode figures, against the server at `url`.
async fn remote(url: &str) {
    let poll =
        std::env::var("RESONATE_POLL_MS").map_or_else(|_| "unknown".into(), |p| format!("{p} ms"));
    println!("remote durability ({url}, messages poll interval {poll}):");
    let state = tempfile::tempdir().unwrap();
    let settings = DurableConfig {
        state_dir: Some(state.path().into()),
        durability: phicode_durable::Durability::Remote(url.into()),
        ..DurableConfig::default()
    };
    let s = DurableSession::start(common::config(), settings).await.unwrap();
    let rtt = measures::remote_round_trip(&s).await;
    println!("  round trip of `1+1` (median of 200): {}", ms(rtt));
    let settle = questions::settle_by_api(&s).await;
    println!("  input(): promise resolved -> cell done (median of 21): {}", ms(settle));
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!(
        "phicode durable sessions benchmark ({}), local durability",
        common::phicode().display()
    );
    let state = tempfile::tempdir().unwrap();
    let s = durable(&state).await;
    let (with, without) = measures::round_trip(&s).await;
    println!(
        "round trip of `1+1`: durable {} vs plain {}: overhead {}   (target <= 0.1 ms)",
        ms(with),
        ms(without),
        ms(with.saturating_sub(without))
    );
    let (socket, process) = questions::settle_latency(&s).await;
    println!(
        "input(): settled over the control socket -> cell done: {}   (target <= 1 ms)",
        ms(socket)
    );
    println!(
        "input(): `phicode promise resolve` process (its start included) -> cell done: {}",
        ms(process)
    );
    for (label, bytes) in [("1 KB", 1 << 10), ("1 MB", 1 << 20), ("100 MB", 100 << 20)] {
        let taken = measures::checkpoint(&s, bytes).await;
        println!("checkpoint of a {label} namespace (random bytes): {}", ms(taken));
    }
    let back = measures::crash_recovery(&state).await;
    println!(
        "worker SIGKILL -> session usable again, 10 MB namespace: {}   (target <= 300 ms)",
        ms(back)
    );
    if let Ok(url) = std::env::var("RESONATE_URL") {
        remote(&url).await;
    } else {
        println!(
            "remote figures: set RESONATE_URL (and RESONATE_POLL_MS, the server's --messages-poll-interval)"
        );
    }
    let (took, host, worker) = questions::thousand_waiting().await;
    println!(
        "1000 input() waiting at once (threads of one cell), all settled: {} (host RSS {} MiB, worker RSS {} MiB)",
        ms(took),
        host / 1024,
        worker / 1024
    );
}
