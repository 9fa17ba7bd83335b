//! `phicode promise` in another process settles what a durable session's `input()` and
//! `approve()` wait on, through the session's control socket.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;
mod support;

use std::process::Command;
use std::sync::Arc;

use phicode_durable::{DurableConfig, DurableSession, Outcome};
use phicode_security::audit::AuditLog;
use phicode_sessions::host::{Event, Level, SessionConfig};
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
    run_in_settled_by_cli(common::config(), id, code, settle).await
}

/// [`run_settled_by_cli`] in a session with `session`'s settings.
async fn run_in_settled_by_cli(
    session: SessionConfig,
    id: &str,
    code: &str,
    settle: &'static [&'static str],
) -> Outcome {
    let config = DurableConfig {
        checkpoints: false,
        durability: support::durability(),
        ..DurableConfig::default()
    };
    let s = Arc::new(DurableSession::start(session, config).await.unwrap());
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

/// A STANDARD cell writes outside its grant: the host asks for an approval, a durable
/// promise another process settles; granted, the write happens; denied, the cell gets a
/// PermissionError; the audit log has both.
#[tokio::test]
async fn a_capability_beyond_the_grant_waits_for_an_approval_settled_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.jsonl");
    let mut session = common::config();
    session.level = Level::Standard;
    session.audit = Some(Arc::new(AuditLog::open(&audit).unwrap()));
    let target = dir.path().join("granted.txt");
    let code = format!("fs.write({:?}, 'written by the host')", target.display().to_string());
    let outcome = run_in_settled_by_cli(session.clone(), "a1", &code, &["resolve"]).await;
    assert!(outcome.error().is_none(), "{:?}", outcome.error());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "written by the host");
    let refused = dir.path().join("refused.txt");
    let code = format!("fs.write({:?}, 'x')", refused.display().to_string());
    let outcome = run_in_settled_by_cli(session, "a2", &code, &["reject"]).await;
    let error = outcome.error().unwrap();
    assert_eq!(error.exception_type, "PermissionError");
    assert!(error.exception_message.contains("was denied"), "{}", error.exception_message);
    assert!(!refused.exists());
    let log = std::fs::read_to_string(&audit).unwrap();
    let records: Vec<serde_json::Value> =
        log.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let calls: Vec<_> = records.iter().filter(|r| r["action"] == "fs.write").collect();
    assert_eq!(calls.len(), 2, "{log}");
    assert_eq!(
        (calls[0]["outcome"].as_str(), calls[1]["outcome"].as_str()),
        (Some("granted"), Some("denied"))
    );
    assert!(calls.iter().all(|r| r["level"] == "standard" && r["execution"].is_string()));
}

#[test]
fn settling_an_unknown_promise_is_an_error() {
    let (status, _, err) = promise(&["resolve", "nobody:input:1", "x"]);
    assert_ne!(status, 0);
    assert!(err.contains("no live session waits on it"), "{err}");
}
