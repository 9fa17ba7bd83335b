//! `phicode promise` in another process settles what a durable session's `input()` and
//! `approve()` wait on, through the session's control socket.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;
mod support;

use std::process::Command;
use std::sync::Arc;

use phicode_durable::{DurableConfig, DurableSession, Outcome};
use phicode_sessions::host::Event;
use phicode_sessions::protocol::Execute;
use tokio::sync::mpsc;

/// Runs `phicode promise ARGS` and returns (status, stdout, stderr).
fn promise(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::phicode()).arg("promise").args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Runs `code`; each question it asks is listed by `phicode promise list`, then settled
/// with `phicode promise ARGS ID ...`.
async fn run_settled_by_cli(id: &str, code: &str, settle: &'static [&'static str]) -> Outcome {
    let config = DurableConfig {
        checkpoints: false,
        durability: support::durability(),
        ..DurableConfig::default()
    };
    let s = Arc::new(DurableSession::start(common::config(), config).await.unwrap());
    let (events, mut seen) = mpsc::channel(16);
    tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            let question = match event {
                Event::Input { input_id, .. } => input_id,
                Event::Approval { approval_id, .. } => approval_id,
                _ => continue,
            };
            let (status, listed, _) =
                tokio::task::spawn_blocking(|| promise(&["list"])).await.unwrap();
            assert_eq!(status, 0);
            assert!(listed.lines().any(|l| l.starts_with(&format!("{question}\t"))), "{listed}");
            let mut args: Vec<String> = vec![settle[0].into(), question];
            args.extend(settle[1..].iter().map(|a| a.to_string()));
            let (status, _, err) = tokio::task::spawn_blocking(move || {
                promise(&args.iter().map(String::as_str).collect::<Vec<_>>())
            })
            .await
            .unwrap();
            assert_eq!(status, 0, "{err}");
        }
    });
    common::within(60, s.execute(&support::id(&s, id), Execute::new(code), Some(events)))
        .await
        .unwrap()
}

#[tokio::test]
async fn input_settled_from_another_process() {
    let outcome = run_settled_by_cli("p1", "'hi ' + input('name? ')", &["resolve", "Ada"]).await;
    assert_eq!(outcome.result().unwrap().repr.as_deref(), Some("'hi Ada'"));
}

#[tokio::test]
async fn input_refused_and_approval_granted_from_another_process() {
    let outcome = run_settled_by_cli("p2", "input()", &["reject"]).await;
    assert_eq!(outcome.error().unwrap().exception_type, "EOFError");
    let outcome = run_settled_by_cli("p3", "approve('go?')", &["resolve"]).await;
    assert_eq!(outcome.result().unwrap().repr.as_deref(), Some("True"));
}

#[test]
fn settling_an_unknown_promise_is_an_error() {
    let (status, _, err) = promise(&["resolve", "nobody:input:1", "x"]);
    assert_ne!(status, 0);
    assert!(err.contains("no live session waits on it"), "{err}");
}
