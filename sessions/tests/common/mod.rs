//! Helpers for tests that run a real `phicode worker` process.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::Duration;

use phicode_sessions::host::{Collected, Event, Execution, Session, SessionConfig};
use phicode_sessions::protocol::Format;

/// The `phicode` binary next to this test's folder (`target/<profile>/phicode`), or
/// `$PHICODE_BIN`. `cargo test --workspace` builds it; `cargo test -p phicode-sessions`
/// alone needs `cargo build -p phicode` first (scripts/test.d/60-sessions.sh does that).
pub fn phicode() -> PathBuf {
    if let Some(path) = std::env::var_os("PHICODE_BIN") {
        return path.into();
    }
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let bin = profile.join("phicode");
    let hint = "run `cargo build -p phicode` first (with `--release` for the benchmark)";
    assert!(bin.is_file(), "{} is missing: {hint}", bin.display());
    bin
}

/// Settings for a test session: run in the temporary folder, no heartbeats, frames in
/// `$PHICODE_TEST_FORMAT` (msgpack by default, or json).
pub fn config() -> SessionConfig {
    let mut config = SessionConfig::new(phicode());
    if let Some(format) = std::env::var("PHICODE_TEST_FORMAT").ok().and_then(|f| Format::parse(&f))
    {
        config.format = format;
    }
    config.cwd = Some(std::env::temp_dir());
    config.heartbeat = None;
    config
}

pub async fn session() -> Session {
    Session::start(config()).await.unwrap()
}

/// Runs `code` and gathers everything, failing the test after 30 s.
pub async fn run(session: &Session, code: &str) -> Collected {
    let execution = session.execute(code).await.unwrap();
    within(30, execution.collect()).await
}

/// The repr of `code`'s value; panics with the traceback on an error.
pub async fn value(session: &Session, code: &str) -> String {
    let done = run(session, code).await;
    if let Some(error) = done.error() {
        panic!("{code:?} failed:\n{}", error.traceback);
    }
    done.result().unwrap().repr.clone().unwrap_or_default()
}

pub async fn within<T>(seconds: u64, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(seconds), f).await.expect("timed out")
}

/// The next event that is not output.
pub async fn next_non_output(execution: &mut Execution) -> Event {
    loop {
        match within(30, execution.next()).await.expect("stream ended") {
            Event::Output(_) => continue,
            event => return event,
        }
    }
}
