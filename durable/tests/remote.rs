//! Remote mode only: a host SIGKILLed in the middle of an execution, and a second host of
//! the same session finishing it exactly once through the Resonate lease. Needs a Resonate
//! server: `RESONATE_URL=http://127.0.0.1:8001 cargo test -p phicode-durable --test remote
//! -- --include-ignored` (durable/README.md says how to get and start one).
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use phicode_durable::Outcome;
use resonate_sdk::resonate::{Resonate, ResonateConfig};

fn url() -> String {
    std::env::var("RESONATE_URL").expect("this test needs RESONATE_URL (see durable/README.md)")
}

/// `phicode repl` as a remote-mode host of session `name`, its stdout sent to `lines`.
fn host(name: &str, state: &std::path::Path, lines: std::sync::mpsc::Sender<String>) -> Child {
    let mut child = Command::new(common::phicode())
        .args(["repl", "--no-history", "--session", name, "--durability", "remote", "--lease", "2"])
        .env("RESONATE_URL", url())
        .env("XDG_STATE_HOME", state)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    child
}

#[tokio::test]
#[ignore = "needs a Resonate server: RESONATE_URL=... cargo test -p phicode-durable --test remote -- --include-ignored"]
async fn a_host_killed_mid_execution_is_taken_over_and_finished_once() {
    let state = tempfile::tempdir().unwrap();
    let name = format!("takeover-{}", std::process::id());
    let (tx, seen) = std::sync::mpsc::channel();
    let mut first = host(&name, state.path(), tx);
    let code = "import time; print('started', flush=True); time.sleep(3); 'finished'\n";
    first.stdin.as_mut().unwrap().write_all(code.as_bytes()).unwrap();
    let start = Instant::now();
    while seen.recv_timeout(Duration::from_secs(30)).unwrap() != "started" {}
    let resonate = Resonate::new(ResonateConfig { url: Some(url()), ..Default::default() });
    let tags = HashMap::from([("phicode:session".to_owned(), name.clone())]);
    let pending = resonate.promises.search(Some("pending"), Some(tags), None, None).await.unwrap();
    let ids: Vec<String> =
        pending.promises.iter().map(|p| p.id.clone()).filter(|id| !id.contains('.')).collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    first.kill().unwrap(); // SIGKILL, in the middle of time.sleep(3).
    first.wait().unwrap();

    let (tx, _) = std::sync::mpsc::channel();
    let mut second = host(&name, state.path(), tx);
    let handle = resonate.get::<serde_json::Value>(&ids[0]).await.unwrap();
    let stored =
        tokio::time::timeout(Duration::from_secs(120), handle.result()).await.unwrap().unwrap();
    let outcome: Outcome = serde_json::from_value(stored).unwrap();
    eprintln!("taken over and finished {:?} after the kill", start.elapsed());
    assert_eq!(outcome.result().unwrap().repr.as_deref(), Some("'finished'"));
    assert_eq!(outcome.stdout, "started\n", "ran more than once for the caller");
    // Settled once: asking again gives the same record.
    let again = resonate.promises.get(&ids[0]).await.unwrap();
    assert_eq!(serde_json::from_value::<Outcome>(again.value.data_or_null()).unwrap(), outcome);
    second.kill().unwrap();
    second.wait().unwrap();
}

#[tokio::test]
#[ignore = "needs a Resonate server: RESONATE_URL=... cargo test -p phicode-durable --test remote -- --include-ignored"]
async fn phicode_promise_settles_a_question_on_the_server_whichever_host_asked() {
    use phicode_durable::{Durability, DurableConfig, DurableSession};
    use phicode_sessions::host::Event;
    use phicode_sessions::protocol::Execute;

    let config = DurableConfig {
        checkpoints: false,
        durability: Durability::Remote(url()),
        ..DurableConfig::default()
    };
    let s = DurableSession::start(common::config(), config).await.unwrap();
    let (events, mut seen) = tokio::sync::mpsc::channel(16);
    tokio::spawn(async move {
        // No local host in sight (another runtime dir): only the server has the question.
        let elsewhere = tempfile::tempdir().unwrap();
        while let Some(event) = seen.recv().await {
            let Event::Input { input_id, .. } = event else { continue };
            let cli = |args: Vec<String>| {
                let out = Command::new(common::phicode())
                    .arg("promise")
                    .args(args)
                    .env("RESONATE_URL", url())
                    .env("XDG_RUNTIME_DIR", elsewhere.path())
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                String::from_utf8_lossy(&out.stdout).into_owned()
            };
            let listed = cli(vec!["list".into()]);
            assert!(
                listed.lines().any(|l| l.starts_with(&format!("{input_id}\tinput\t"))),
                "{listed}"
            );
            cli(vec!["resolve".into(), input_id, "Ada".into()]);
        }
    });
    let id = format!("{}:ask", s.session().id());
    let outcome =
        s.execute(&id, Execute::new("'hi ' + input('name? ')"), Some(events)).await.unwrap();
    assert_eq!(outcome.result().unwrap().repr.as_deref(), Some("'hi Ada'"));
}
