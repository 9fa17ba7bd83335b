//! The durable sessions benchmark, one run: the round trip of `1+1` with local durability
//! and without, in alternating blocks on the same worker binary.
//!
//! `cargo build --release -p phicode && cargo bench -p phicode-durable --bench durable`
//! (PHICODE_BIN names another binary).
#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use phicode_durable::{DurableConfig, DurableSession};
use phicode_sessions::protocol::Execute;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!("phicode durable sessions benchmark ({})", common::phicode().display());
    let plain = common::session().await;
    let state = tempfile::tempdir().unwrap();
    let settings =
        DurableConfig { state_dir: Some(state.path().into()), ..DurableConfig::default() };
    let durable = DurableSession::start(common::config(), settings).await.unwrap();
    let (mut without, mut with) = (Vec::new(), Vec::new());
    let mut n = 0;
    for block in 0..12 {
        for _ in 0..250 {
            let start = Instant::now();
            common::value(&plain, "1+1").await;
            let plain_time = start.elapsed();
            n += 1;
            let start = Instant::now();
            let outcome =
                durable.execute(&format!("b{n}"), Execute::new("1+1"), None).await.unwrap();
            let durable_time = start.elapsed();
            assert!(outcome.result().is_some());
            if block > 0 {
                without.push(plain_time);
                with.push(durable_time);
            }
        }
    }
    let (without, with) = (median(without), median(with));
    println!(
        "round trip of `1+1`: durable (local) {} vs plain {}: overhead {}   (target <= 0.1 ms)",
        ms(with),
        ms(without),
        ms(with.saturating_sub(without))
    );
}
