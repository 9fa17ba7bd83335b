//! The session benchmark, one run printing every figure of issue 5: round trip of `1+1`,
//! overhead on a CPU-bound cell against in-process `exec`, start from the pool (and cold),
//! output streaming throughput, interrupt latency, memory of 100 idle sessions, and
//! ipykernel's round trip when a Python with ipykernel is given.
//!
//! `cargo bench -p phicode-sessions --bench session` (builds `phicode` first if needed:
//! `cargo build --release -p phicode`). Environment: PHICODE_BIN (the binary),
//! PHICODE_BENCH_IPYKERNEL_PYTHON (see ipykernel-venv.sh), PHICODE_BENCH_IDLE (default 100),
//! PHICODE_BENCH_BASELINE (another `phicode`, e.g. a build of main before a change: its
//! worker's round trip is measured interleaved with this one's, on the same host code).
#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod measures;
mod memory;
mod support;

use std::time::{Duration, Instant};

use phicode_sessions::host::{PoolConfig, Session, SessionPool};

use common::{config, phicode};
use measures::{cpu_overhead, interrupt_latency, round_trip, round_trip_against, streaming};
use memory::idle_memory;
use support::{ipykernel, median, ms};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` lists benchmarks; there is nothing to list.
    }
    println!("phicode sessions benchmark ({})", phicode().display());
    let s = Session::start(config()).await.unwrap();
    let rtt = round_trip(&s).await;
    println!("round trip of `1+1` (median of 2000):       {}   (target <= 0.3 ms)", ms(rtt));
    println!("ipykernel round trip of `1+1` (median):     {}", ipykernel());
    if let Some(baseline) = std::env::var_os("PHICODE_BENCH_BASELINE") {
        let mut settings = config();
        settings.program = baseline.into();
        let other = Session::start(settings).await.unwrap();
        let (ours, theirs) = round_trip_against(&s, &other).await;
        let ratio = ours.as_secs_f64() / theirs.as_secs_f64();
        println!(
            "round trip, this worker vs the baseline's (10 alternating blocks of 300): {} vs {} ({ratio:.2}×)",
            ms(ours),
            ms(theirs)
        );
        other.shutdown(Duration::from_secs(1)).await.unwrap();
    }
    let (through, direct) = cpu_overhead(&s).await;
    let overhead = (through.as_secs_f64() / direct.as_secs_f64() - 1.0) * 100.0;
    println!(
        "sum(range(10**7)): session {} vs exec {}: overhead {overhead:+.1} %   (target <= 5 %)",
        ms(through),
        ms(direct)
    );
    println!("output streaming (100 MB of 1 KiB writes): {:.0} MB/s", streaming(&s).await);
    println!(
        "interrupt time.sleep(60) (median of 10):   {}",
        ms(interrupt_latency(&s, "import time\nprint('go', flush=True)\ntime.sleep(60)").await)
    );
    println!(
        "interrupt `while True: pass`:              {}",
        ms(interrupt_latency(&s, "print('go', flush=True)\nwhile True: pass").await)
    );
    println!(
        "interrupt a blocked input():               {}",
        ms(interrupt_latency(&s, "input()").await)
    );
    s.shutdown(Duration::from_secs(1)).await.unwrap();

    let mut cold = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let s = Session::start(config()).await.unwrap();
        cold.push(start.elapsed());
        s.shutdown(Duration::from_secs(1)).await.unwrap();
    }
    println!("cold session start (median of 5):           {}", ms(median(cold)));
    let pool = SessionPool::new(PoolConfig {
        session: config(),
        warm: 2,
        max_sessions: 64,
        acquire_timeout: Duration::from_secs(30),
    })
    .await
    .unwrap();
    let mut warm = Vec::new();
    for _ in 0..10 {
        while pool.idle() < 2 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let start = Instant::now();
        let session = pool.acquire().await.unwrap();
        warm.push(start.elapsed());
        drop(session);
    }
    println!("session start from a warm pool (median):    {}", ms(median(warm)));
    let count: usize =
        std::env::var("PHICODE_BENCH_IDLE").ok().and_then(|n| n.parse().ok()).unwrap_or(100);
    let (rss, pss) = idle_memory(count).await;
    println!(
        "{count} idle sessions: RSS {:.0} MiB total ({:.1} MiB each), PSS {:.0} MiB total ({:.1} MiB each)",
        rss as f64 / 1024.0,
        rss as f64 / 1024.0 / count as f64,
        pss as f64 / 1024.0,
        pss as f64 / 1024.0 / count as f64
    );
}
