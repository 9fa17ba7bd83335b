//! The timed measurements on one live session: round trip, CPU overhead, output streaming
//! and interrupt latency.

use std::time::{Duration, Instant};

use phicode_sessions::host::{Event, Session};

use crate::support::{median, value};

pub(crate) async fn round_trip(s: &Session) -> Duration {
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

/// Round trips of `1+1` on two sessions in alternating blocks (so drift in the machine's
/// load hits both alike): the medians of each.
pub(crate) async fn round_trip_against(s: &Session, baseline: &Session) -> (Duration, Duration) {
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..200 {
        value(s, "1+1").await;
        value(baseline, "1+1").await;
    }
    for _ in 0..10 {
        for (session, samples) in [(s, &mut ours), (baseline, &mut theirs)] {
            for _ in 0..300 {
                let start = Instant::now();
                value(session, "1+1").await;
                samples.push(start.elapsed());
            }
        }
    }
    (median(ours), median(theirs))
}

pub(crate) async fn cpu_overhead(s: &Session) -> (Duration, Duration) {
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

pub(crate) async fn streaming(s: &Session) -> f64 {
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

pub(crate) async fn interrupt_latency(s: &Session, code: &str) -> Duration {
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
