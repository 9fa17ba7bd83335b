//! Durable executions through real worker processes, in local mode: an execution id runs
//! once, and `input()` waits on a durable promise settled by id from another task.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;
mod support;

use std::sync::Arc;

use phicode_durable::{DurableConfig, DurableSession};
use phicode_sessions::host::Event;
use phicode_sessions::protocol::Execute;
use tokio::sync::mpsc;

async fn durable() -> DurableSession {
    let config = DurableConfig {
        checkpoints: false,
        durability: support::durability(),
        ..DurableConfig::default()
    };
    DurableSession::start(common::config(), config).await.unwrap()
}

fn repr(outcome: &phicode_durable::Outcome) -> String {
    match outcome.result() {
        Some(result) => result.repr.clone().unwrap_or_default(),
        None => panic!("failed: {}", outcome.error().unwrap().traceback),
    }
}

#[tokio::test]
async fn the_same_id_twice_runs_the_code_once_and_returns_the_same_outcome() {
    let s = durable().await;
    let code = "runs = globals().get('runs', 0) + 1\nprint('ran', runs)\nruns";
    let first = s.execute(&support::id(&s, "cell-1"), Execute::new(code), None).await.unwrap();
    let again = s.execute(&support::id(&s, "cell-1"), Execute::new(code), None).await.unwrap();
    assert_eq!((repr(&first), first.stdout.as_str()), ("1".into(), "ran 1\n"));
    assert_eq!(again, first);
    let count = s.execute(&support::id(&s, "cell-2"), Execute::new("runs"), None).await.unwrap();
    assert_eq!(repr(&count), "1", "the second call ran the code again");
}

#[tokio::test]
async fn input_waits_on_a_promise_settled_by_id_from_another_task() {
    let s = Arc::new(durable().await);
    let (events, mut seen) = mpsc::channel(16);
    let settler = Arc::clone(&s);
    let answering = tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            if let Event::Input { input_id, input } = event {
                assert_eq!(input.prompt, "name? ");
                settler.resolve(&input_id, "Ada").await.unwrap();
            }
        }
    });
    let code = "'hi ' + input('name? ')";
    let outcome =
        s.execute(&support::id(&s, "ask-1"), Execute::new(code), Some(events)).await.unwrap();
    assert_eq!(repr(&outcome), "'hi Ada'");
    answering.await.unwrap();
}

#[tokio::test]
async fn a_rejected_input_promise_is_eof_in_the_cell() {
    let s = Arc::new(durable().await);
    let (events, mut seen) = mpsc::channel(16);
    let settler = Arc::clone(&s);
    tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            if let Event::Input { input_id, .. } = event {
                settler.reject(&input_id).await.unwrap();
            }
        }
    });
    let outcome =
        s.execute(&support::id(&s, "ask-2"), Execute::new("input()"), Some(events)).await.unwrap();
    assert_eq!(outcome.error().unwrap().exception_type, "EOFError");
}

#[tokio::test]
async fn an_id_with_a_dot_is_refused() {
    let s = durable().await;
    assert!(s.execute(&support::id(&s, "a.b"), Execute::new("1"), None).await.is_err());
}
