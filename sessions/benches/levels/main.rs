//! The security levels benchmark, one run: session start at each level (SANDBOX cold, with
//! an empty module cache, and warm), the round trip of `1+1`, and a CPU-bound cell, each
//! beside STANDARD's as a ratio.
//!
//! `cargo bench -p phicode-sessions --bench levels` (after `cargo build --release -p
//! phicode`). PHICODE_BIN chooses the binary.
#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../../tests/common/mod.rs"]
mod common;
#[path = "../session/support.rs"]
#[allow(dead_code)]
mod support;

use std::time::{Duration, Instant};

use phicode_sessions::host::{Level, Session, SessionConfig};

use common::{config, phicode};
use support::{median, ms, value};

/// Starts measured per level.
const STARTS: usize = 10;
/// Round trips measured per level.
const ROUND_TRIPS: usize = 500;
/// The CPU-bound cell, and how many times it runs.
const CPU_CELL: &str = "sum(i * i for i in range(10**6))";
const CPU_RUNS: usize = 5;

/// One level's figures.
struct Figures {
    start: Duration,
    round_trip: Duration,
    cpu: Duration,
}

fn settings(level: Level, cache: &std::path::Path) -> SessionConfig {
    let mut settings = config();
    settings.level = level;
    // SANDBOX keeps its compiled module here: a fresh folder makes the first start cold.
    settings.env.push(("XDG_CACHE_HOME".into(), cache.into()));
    settings
}

async fn start(settings: &SessionConfig) -> Result<(Session, Duration), String> {
    let began = Instant::now();
    let session = Session::start(settings.clone()).await.map_err(|e| e.to_string())?;
    value(&session, "1").await;
    Ok((session, began.elapsed()))
}

async fn measure(level: Level, cache: &std::path::Path) -> Result<Figures, String> {
    let settings = settings(level, cache);
    let mut starts = Vec::new();
    for _ in 0..STARTS {
        let (session, took) = start(&settings).await?;
        starts.push(took);
        session.shutdown(Duration::from_secs(1)).await.map_err(|e| e.to_string())?;
    }
    let (session, _) = start(&settings).await?;
    for _ in 0..50 {
        value(&session, "1+1").await;
    }
    let mut trips = Vec::new();
    for _ in 0..ROUND_TRIPS {
        let began = Instant::now();
        value(&session, "1+1").await;
        trips.push(began.elapsed());
    }
    let mut cpu = Vec::new();
    for _ in 0..CPU_RUNS {
        let began = Instant::now();
        value(&session, CPU_CELL).await;
        cpu.push(began.elapsed());
    }
    Ok(Figures { start: median(starts), round_trip: median(trips), cpu: median(cpu) })
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.2}×", a.as_secs_f64() / b.as_secs_f64())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` lists benchmarks; there is nothing to list.
    }
    println!("phicode security levels benchmark ({})", phicode().display());
    let cache = tempfile::tempdir().unwrap();
    // SANDBOX's first start compiles CPython's wasm module into the empty cache.
    match start(&settings(Level::Sandbox, cache.path())).await {
        Ok((session, took)) => {
            println!("SANDBOX cold start (compiling the module):   {}", ms(took));
            session.shutdown(Duration::from_secs(1)).await.unwrap();
        }
        Err(e) => println!("SANDBOX cold start: not measured ({e})"),
    }
    let mut rows = Vec::new();
    for level in Level::ALL {
        rows.push((level, measure(level, cache.path()).await));
    }
    let Some((_, Ok(standard))) = rows.iter().find(|(l, _)| *l == Level::Standard) else {
        panic!("STANDARD could not be measured");
    };
    let (s_start, s_trip, s_cpu) = (standard.start, standard.round_trip, standard.cpu);
    println!(
        "\n{:<13} {:>22} {:>22} {:>26}",
        "level", "start (median of 10)", "1+1 (median of 500)", "sum of squares, 10**6"
    );
    for (level, figures) in &rows {
        match figures {
            Ok(f) => println!(
                "{:<13} {:>12} {:>9} {:>12} {:>9} {:>16} {:>9}",
                level.as_str(),
                ms(f.start),
                ratio(f.start, s_start),
                ms(f.round_trip),
                ratio(f.round_trip, s_trip),
                ms(f.cpu),
                ratio(f.cpu, s_cpu)
            ),
            Err(e) => println!("{:<13} not measured: {e}", level.as_str()),
        }
    }
    println!("\n(ratios are to STANDARD; SANDBOX's start is warm, from the cached module)");
}
