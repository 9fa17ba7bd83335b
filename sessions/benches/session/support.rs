//! What the measurements need beyond the tests' helpers (`tests/common`: the `phicode`
//! binary, a session config): medians, times, a cell's value (or none), ipykernel's figure.

use std::time::Duration;

use phicode_sessions::host::Session;

pub(crate) fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

pub(crate) async fn value(s: &Session, code: &str) -> String {
    let done = s.execute(code).await.unwrap().collect().await;
    if let Some(e) = done.error() {
        panic!("{code}: {}", e.traceback);
    }
    done.result().and_then(|r| r.repr.clone()).unwrap_or_default()
}

pub(crate) fn ipykernel() -> String {
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
