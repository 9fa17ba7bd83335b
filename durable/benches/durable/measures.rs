//! Round trips, checkpoints and crash recovery.

use std::time::{Duration, Instant};

use phicode_durable::DurableSession;
use phicode_sessions::protocol::Execute;

use crate::{common, durable, median};

/// The median round trip of `1+1` through `s` and through a plain session, in alternating
/// blocks (so drift in the machine's load hits both alike).
pub async fn round_trip(s: &DurableSession) -> (Duration, Duration) {
    let plain = common::session().await;
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for block in 0..12 {
        for n in 0..250 {
            let start = Instant::now();
            common::value(&plain, "1+1").await;
            let plain_time = start.elapsed();
            let start = Instant::now();
            let outcome =
                s.execute(&format!("rt{block}-{n}"), Execute::new("1+1"), None).await.unwrap();
            let durable_time = start.elapsed();
            assert!(outcome.result().is_some());
            if block > 0 {
                without.push(plain_time);
                with.push(durable_time);
            }
        }
    }
    (median(with), median(without))
}

/// The median round trip of `1+1` through `s` alone (for remote durability).
pub async fn remote_round_trip(s: &DurableSession) -> Duration {
    let mut samples = Vec::new();
    let prefix = s.session().id().to_owned();
    for n in 0..220 {
        let start = Instant::now();
        s.execute(&format!("{prefix}:r{n}"), Execute::new("1+1"), None).await.unwrap();
        if n >= 20 {
            samples.push(start.elapsed());
        }
    }
    median(samples)
}

/// How long a checkpoint of a namespace holding `bytes` random bytes takes (median of 3).
pub async fn checkpoint(s: &DurableSession, bytes: usize) -> Duration {
    let code = format!("import os\nblob = os.urandom({bytes})");
    s.execute(&format!("ck-{bytes}"), Execute::new(code), None).await.unwrap();
    let path = s.state_dir().unwrap().join("bench-checkpoint.bin");
    let mut samples = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        s.session().checkpoint_to(&path.to_string_lossy()).await.unwrap();
        samples.push(start.elapsed());
    }
    s.execute(&format!("ck-{bytes}-del"), Execute::new("del blob"), None).await.unwrap();
    median(samples)
}

/// From a SIGKILL of the worker of a session holding 10 MB to the end of its next `1+1`.
pub async fn crash_recovery(_: &tempfile::TempDir) -> Duration {
    let state = tempfile::tempdir().unwrap();
    let s = durable(&state).await;
    s.execute("big", Execute::new("import os\nbig = os.urandom(10 << 20)"), None).await.unwrap();
    let taken = phicode_durable::StateDir::new(state.path());
    while taken.taken().is_none_or(|t| t.cell < 1) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let pid = s.session().ready().unwrap().pid;
    let start = Instant::now();
    std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
    while s.session().is_alive() {
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
    s.recover().await.unwrap();
    let outcome = s.execute("after", Execute::new("len(big) + 1 + 1"), None).await.unwrap();
    let back = start.elapsed();
    assert_eq!(outcome.result().unwrap().repr.as_deref(), Some("10485762"));
    back
}
