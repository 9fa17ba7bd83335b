//! `input()` and `approve()` as durable promises through real workers: approvals granted,
//! denied and timed out, and an input nobody answers in time.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;
mod support;

use std::sync::Arc;
use std::time::Duration;

use phicode_durable::{DurableConfig, DurableSession, Outcome};
use phicode_sessions::host::Event;
use phicode_sessions::protocol::Execute;
use tokio::sync::mpsc;

async fn durable(question_timeout: Option<Duration>) -> Arc<DurableSession> {
    let config = DurableConfig {
        checkpoints: false,
        question_timeout,
        durability: support::durability(),
        ..DurableConfig::default()
    };
    Arc::new(DurableSession::start(common::config(), config).await.unwrap())
}

/// Runs `code`, settling every question it asks with `settle` (true: resolve with
/// `answer`; false: reject); `None` leaves them unanswered.
async fn run_answering(
    s: &Arc<DurableSession>,
    id: &str,
    code: &str,
    settle: Option<bool>,
) -> Outcome {
    let (events, mut seen) = mpsc::channel(16);
    let settler = Arc::clone(s);
    tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            let id = match &event {
                Event::Input { input_id, .. } => input_id.clone(),
                Event::Approval { approval_id, approval } => {
                    assert_eq!(approval.data["path"], "/tmp/x");
                    approval_id.clone()
                }
                _ => continue,
            };
            match settle {
                Some(true) => settler.resolve(&id, "yes").await.unwrap(),
                Some(false) => settler.reject(&id).await.unwrap(),
                None => {}
            }
        }
    });
    common::within(60, s.execute(&support::id(s, id), Execute::new(code), Some(events)))
        .await
        .unwrap()
}

fn repr(outcome: &Outcome) -> String {
    match outcome.result() {
        Some(result) => result.repr.clone().unwrap_or_default(),
        None => panic!("failed: {}", outcome.error().unwrap().traceback),
    }
}

const APPROVE: &str = "approve('write a file?', {'path': '/tmp/x'})";

#[tokio::test]
async fn approve_granted_and_denied() {
    let s = durable(None).await;
    assert_eq!(repr(&run_answering(&s, "a1", APPROVE, Some(true)).await), "True");
    assert_eq!(repr(&run_answering(&s, "a2", APPROVE, Some(false)).await), "False");
}

#[tokio::test]
async fn nobody_answering_in_time_is_timeout_error_for_approve_and_eof_for_input() {
    let s = durable(Some(Duration::from_millis(200))).await;
    let outcome = run_answering(&s, "t1", APPROVE, None).await;
    assert_eq!(outcome.error().unwrap().exception_type, "TimeoutError");
    let outcome = run_answering(&s, "t2", "input('name? ')", None).await;
    assert_eq!(outcome.error().unwrap().exception_type, "EOFError");
}

#[tokio::test]
async fn approve_without_a_durable_layer_is_answered_by_the_session_caller() {
    let session = common::session().await;
    let mut execution = session.execute(APPROVE).await.unwrap();
    let event = common::next_non_output(&mut execution).await;
    let Event::Approval { approval_id, approval } = event else { panic!("{event:?}") };
    assert_eq!(approval.prompt, "write a file?");
    let granted = phicode_sessions::protocol::Verdict::Granted;
    session.approval_response(&approval_id, granted).await.unwrap();
    let Event::Result(result) = common::next_non_output(&mut execution).await else { panic!() };
    assert_eq!(result.repr.as_deref(), Some("True"));
}
