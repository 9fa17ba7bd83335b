//! `input()` settled from outside: over the control socket, by a `phicode promise` process,
//! and 1000 at once.

use std::sync::Arc;
use std::time::{Duration, Instant};

use phicode_durable::DurableSession;
use phicode_durable::control::{Request, Response, hosts};
use phicode_sessions::host::Event;
use phicode_sessions::protocol::Execute;
use tokio::sync::mpsc;

use crate::{common, durable, median};

/// Settles each `input()` of `code` with `settle(id)`, timing from the settle's start to
/// the end of the execution.
async fn timed(s: &DurableSession, id: &str, settle: fn(String)) -> Duration {
    let (events, mut seen) = mpsc::channel(16);
    let started = Arc::new(std::sync::Mutex::new(None));
    let mark = Arc::clone(&started);
    tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            if let Event::Input { input_id, .. } = event {
                *mark.lock().unwrap() = Some(Instant::now());
                tokio::task::spawn_blocking(move || settle(input_id)).await.unwrap();
            }
        }
    });
    s.execute(id, Execute::new("input()"), Some(events)).await.unwrap();
    let start = started.lock().unwrap().unwrap();
    start.elapsed()
}

fn over_socket(id: String) {
    let request = Request::Resolve { id, value: "x".into() };
    let settled = hosts().iter().any(|h| matches!(h.ask(&request), Ok(Response::Settled)));
    assert!(settled);
}

fn by_process(id: String) {
    let status = std::process::Command::new(common::phicode())
        .args(["promise", "resolve", &id, "x"])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Settles through the API, from this process: the median from the resolve to the end of
/// the execution.
pub async fn settle_by_api(s: &DurableSession) -> Duration {
    let mut samples = Vec::new();
    let prefix = s.session().id().to_owned();
    for n in 0..21 {
        let (events, mut seen) = mpsc::channel(16);
        let started = Arc::new(std::sync::Mutex::new(None));
        let mark = Arc::clone(&started);
        let (ask, mut asked) = mpsc::channel(1);
        tokio::spawn(async move {
            while let Some(event) = seen.recv().await {
                if let Event::Input { input_id, .. } = event {
                    let _ = ask.send(input_id).await;
                }
            }
        });
        let id = format!("{prefix}:in{n}");
        let running = s.execute(&id, Execute::new("input()"), Some(events));
        let settling = async {
            let input_id = asked.recv().await.unwrap();
            *mark.lock().unwrap() = Some(Instant::now());
            s.resolve(&input_id, "x").await.unwrap();
        };
        let (outcome, ()) = tokio::join!(running, settling);
        outcome.unwrap();
        let start = started.lock().unwrap().unwrap();
        samples.push(start.elapsed());
    }
    median(samples)
}

/// (median over the control socket, median through a `phicode promise` process).
pub async fn settle_latency(s: &DurableSession) -> (Duration, Duration) {
    let (mut socket, mut process) = (Vec::new(), Vec::new());
    for n in 0..21 {
        socket.push(timed(s, &format!("in-s{n}"), over_socket).await);
        process.push(timed(s, &format!("in-p{n}"), by_process).await);
    }
    (median(socket), median(process))
}

/// 1000 threads of one cell in `input()` at once, each a durable promise; all settled
/// through the API as they are announced: (time from the cell's start to its end, host RSS,
/// worker RSS at the peak) in KiB.
pub async fn thousand_waiting() -> (Duration, u64, u64) {
    let state = tempfile::tempdir().unwrap();
    let s = Arc::new(durable(&state).await);
    let worker = s.session().ready().unwrap().pid;
    let code = "from concurrent.futures import ThreadPoolExecutor\n\
        with ThreadPoolExecutor(1000) as pool:\n    answers = list(pool.map(input, range(1000)))\nlen(answers)";
    let (events, mut seen) = mpsc::channel(2048);
    let settler = Arc::clone(&s);
    let peak = Arc::new(std::sync::Mutex::new((0, 0)));
    let record = Arc::clone(&peak);
    tokio::spawn(async move {
        let mut waiting = Vec::new();
        while let Some(event) = seen.recv().await {
            if let Event::Input { input_id, .. } = event {
                waiting.push(input_id);
            }
            if waiting.len() == 1000 {
                *record.lock().unwrap() = (rss_kib(std::process::id()), rss_kib(worker));
                for id in waiting.drain(..) {
                    settler.resolve(&id, "x").await.unwrap();
                }
            }
        }
    });
    let start = Instant::now();
    let outcome = s.execute("thousand", Execute::new(code), Some(events)).await.unwrap();
    let took = start.elapsed();
    assert_eq!(outcome.result().unwrap().repr.as_deref(), Some("1000"));
    let (host, worker) = *peak.lock().unwrap();
    (took, host, worker)
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
