//! The load test, in one run: 10 000 `/convert` at 100 concurrent and 1000 concurrent
//! `/execute` against `phicode serve` (release build), then the same `/convert` load against
//! the reference's server (phicode 2.6.0 `--api-server`, from scripts/setup.d/70-server.sh's
//! venv). Prints throughput, p50, p99, errors and server memory for each.
//!
//! `cargo build --release -p phicode && cargo bench -p phicode-server --bench load`
//! Options (after `--`): `--level LEVEL` (default restricted), `--convert N`,
//! `--execute N`, `--no-reference`.

mod client;
mod servers;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use axum::body::Bytes;
use serde_json::json;

const PROGRAM: &str = "ƒ greet(names):\n    ∀ i, n ∈ №(names):\n        ¿ n ∧ ¬ n.startswith(\"_\"):\n            π(f\"{i}: {n}\")\n\ngreet([\"ada\", \"_hidden\", \"grace\"])\n";

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn release_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    exe.parent().and_then(|deps| deps.parent()).map(PathBuf::from).unwrap_or_default()
}

fn row(name: &str, phase: &client::Phase, memory: String) {
    println!(
        "{name:<34} {:>8} {:>11.0} {:>9.2} {:>9.2} {:>7}  {memory}",
        phase.latencies.len() + phase.errors,
        phase.throughput(),
        phase.quantile(0.5).as_secs_f64() * 1000.0,
        phase.quantile(0.99).as_secs_f64() * 1000.0,
        phase.errors,
    );
}

/// Samples the resident set of `pid` and its workers until stopped; returns the largest.
fn sample_tree(pid: u32, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<f64> {
    std::thread::spawn(move || {
        let peak = AtomicU64::new(0);
        while !stop.load(Ordering::Relaxed) {
            peak.fetch_max((servers::tree_rss_mib(pid) * 1024.0) as u64, Ordering::Relaxed);
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        peak.load(Ordering::Relaxed) as f64 / 1024.0
    })
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let level = option(&args, "--level").unwrap_or_else(|| "restricted".into());
    let converts: usize = option(&args, "--convert").and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let executes: usize = option(&args, "--execute").and_then(|n| n.parse().ok()).unwrap_or(1000);
    let phicode = std::env::var_os("PHICODE_BIN")
        .map_or_else(|| release_dir().join("phicode"), PathBuf::from);
    let convert = Bytes::from(json!({"code": PROGRAM, "target": "python"}).to_string());
    let execute = Bytes::from(json!({"code": "sum(i * i for i in range(1000))"}).to_string());

    let port = servers::free_port();
    let serve_args: Vec<String> = [
        "serve",
        "--port",
        &port.to_string(),
        "--level",
        &level,
        "--max-workers",
        "8",
        "--warm-workers",
        "8",
        "--max-concurrent",
        "1024",
        "--exec-timeout",
        "60",
        "--worker-wait",
        "600",
    ]
    .map(String::from)
    .into();
    let ours = servers::start(&phicode, &serve_args, port)?;
    let pid = ours.child.id();
    println!(
        "phicode serve ({}, level {level}) on {}; {} cores",
        phicode.display(),
        ours.addr,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:<34} {:>8} {:>11} {:>9} {:>9} {:>7}  memory",
        "phase", "requests", "req/s", "p50 ms", "p99 ms", "errors"
    );
    client::run(ours.addr, "/convert", convert.clone(), 500, 100, true).await; // warm-up
    let ours_convert =
        client::run(ours.addr, "/convert", convert.clone(), converts, 100, true).await;
    row(
        "phicode serve /convert (c=100)",
        &ours_convert,
        format!("server peak RSS {:.1} MiB", servers::peak_mib(pid)),
    );
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = sample_tree(pid, Arc::clone(&stop));
    let ours_execute = client::run(ours.addr, "/execute", execute, executes, executes, true).await;
    stop.store(true, Ordering::Relaxed);
    let tree = sampler.join().unwrap_or(0.0);
    let memory = format!(
        "server peak RSS {:.1} MiB; with workers, peak {tree:.0} MiB",
        servers::peak_mib(pid)
    );
    row(&format!("phicode serve /execute (c={executes})"), &ours_execute, memory);
    drop(ours);

    if args.iter().any(|a| a == "--no-reference") {
        return Ok(());
    }
    let reference = std::env::var_os("PHICODE_REFERENCE").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("out/venv/bin/phicode"),
        PathBuf::from,
    );
    let port = servers::free_port();
    let scratch = tempfile_dir()?;
    std::env::set_current_dir(&scratch).map_err(|e| e.to_string())?;
    let theirs = servers::start(
        &reference,
        &["--api-server".into(), "--api-port".into(), port.to_string()],
        port,
    )?;
    client::run(theirs.addr, "/convert", convert.clone(), 200, 100, true).await; // warm-up
    let theirs_convert = client::run(theirs.addr, "/convert", convert, converts, 100, true).await;
    row(
        "reference 2.6.0 /convert (c=100)",
        &theirs_convert,
        format!("server peak RSS {:.1} MiB", servers::peak_mib(theirs.child.id())),
    );
    println!(
        "/convert throughput: phicode serve {:.0}× the reference's",
        ours_convert.throughput() / theirs_convert.throughput().max(f64::MIN_POSITIVE)
    );
    let _ = std::fs::remove_dir_all(scratch);
    Ok(())
}

/// An empty folder for the reference to run in (it may write config and cache files).
fn tempfile_dir() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("phicode-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}
