//! The session benchmark, one run printing every figure of issue 5: round trip of `1+1`,
//! overhead on a CPU-bound cell against in-process `exec`, start from the pool (and cold),
//! output streaming throughput, interrupt latency, memory of 100 idle sessions, and
//! ipykernel's round trip when a Python with ipykernel is given.
//!
//! `cargo bench -p phicode-sessions --bench session` (builds `phicode` first if needed:
//! `cargo build --release -p phicode`). Environment: PHICODE_BIN (the binary),
//! PHICODE_BENCH_IPYKERNEL_PYTHON (see ipykernel-venv.sh), PHICODE_BENCH_IDLE (default 100).
#![allow(clippy::unwrap_used, missing_docs)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use phicode_sessions::host::{Event, PoolConfig, Session, SessionConfig, SessionPool};

fn phicode() -> PathBuf {
    if let Some(path) = std::env::var_os("PHICODE_BIN") {
        return path.into();
    }
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|p| p.parent()).unwrap();
    let bin = profile.join("phicode");
    assert!(bin.is_file(), "{} is missing: cargo build --release -p phicode", bin.display());
    bin
}

fn config() -> SessionConfig {
    let mut config = SessionConfig::new(phicode());
    config.cwd = Some(std::env::temp_dir());
    config.heartbeat = None;
    config
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

async fn value(s: &Session, code: &str) -> String {
    let done = s.execute(code).await.unwrap().collect().await;
    if let Some(e) = done.error() {
        panic!("{code}: {}", e.traceback);
    }
    done.result().and_then(|r| r.repr.clone()).unwrap_or_default()
}

async fn round_trip(s: &Session) -> Duration {
    for _ in 0..200 {
        value(s, "1+1").await;
    }
    let mut samples = Vec::new();
    for _ in 0..2000 {
        let start = Instant::now();
        value(s, "1+1").await;
        samples.push(start.elapsed());
    }
    median(samples)
}

async fn cpu_overhead(s: &Session) -> (Duration, Duration) {
    let code = "sum(range(10**7))";
    let setup = format!("import time\n_code = compile({code:?}, '<bench>', 'exec')");
    value(s, &setup).await;
    let (mut through, mut direct) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let start = Instant::now();
        value(s, code).await;
        through.push(start.elapsed());
        let inner =
            value(s, "_t = time.perf_counter(); exec(_code, {}); time.perf_counter() - _t").await;
        direct.push(Duration::from_secs_f64(inner.parse().unwrap()));
    }
    (median(through), median(direct))
}

async fn streaming(s: &Session) -> f64 {
    let code = "import sys\n_w = sys.stdout.write\n_line = 'x' * 1023 + '\\n'\nfor _ in range(100_000):\n    _w(_line)";
    let start = Instant::now();
    let mut execution = s.execute(code).await.unwrap();
    let mut bytes = 0usize;
    while let Some(event) = execution.next().await {
        if let Event::Output(o) = event {
            bytes += o.data.len();
        }
    }
    assert_eq!(bytes, 100_000 * 1024);
    bytes as f64 / start.elapsed().as_secs_f64() / 1e6
}

async fn interrupt_latency(s: &Session, code: &str) -> Duration {
    let mut samples = Vec::new();
    for _ in 0..10 {
        let mut execution = s.execute(code).await.unwrap();
        loop {
            match execution.next().await.unwrap() {
                Event::Output(o) if o.data.contains("go") => break,
                Event::Input { .. } => break,
                _ => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        let start = Instant::now();
        s.interrupt(None).await.unwrap();
        while let Some(event) = execution.next().await {
            if event.is_terminal() {
                break;
            }
        }
        samples.push(start.elapsed());
    }
    median(samples)
}

fn memory_kib(pid: u32, field: &str) -> u64 {
    let path = if field == "Pss:" {
        format!("/proc/{pid}/smaps_rollup")
    } else {
        format!("/proc/{pid}/status")
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

async fn idle_memory(count: usize) -> (u64, u64) {
    let mut sessions = Vec::new();
    for chunk in 0..count.div_ceil(10) {
        let batch: Vec<_> = (0..10.min(count - chunk * 10))
            .map(|_| tokio::spawn(Session::start(config())))
            .collect();
        for start in batch {
            sessions.push(start.await.unwrap().unwrap());
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pids: Vec<u32> = sessions.iter().map(|s| s.ready().unwrap().pid).collect();
    let rss = pids.iter().map(|p| memory_kib(*p, "VmRSS:")).sum();
    let pss = pids.iter().map(|p| memory_kib(*p, "Pss:")).sum();
    for s in &sessions {
        s.shutdown(Duration::from_millis(100)).await.unwrap();
    }
    (rss, pss)
}

fn ipykernel() -> String {
    let Some(python) = std::env::var_os("PHICODE_BENCH_IPYKERNEL_PYTHON") else {
        return "not measured (set PHICODE_BENCH_IPYKERNEL_PYTHON; see sessions/benches/ipykernel-venv.sh)".into();
    };
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/ipykernel_rtt.py");
    match std::process::Command::new(python).arg(script).arg("1000").output() {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            text.split_whitespace().nth(1).map_or("unreadable output".into(), |v| format!("{v} ms"))
        }
        Ok(out) => {
            format!("failed: {}", String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or(""))
        }
        Err(e) => format!("failed: {e}"),
    }
}

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
