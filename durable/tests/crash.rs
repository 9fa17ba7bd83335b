//! Workers that die under a durable session, through real processes: SIGKILL in the middle
//! of a cell and while suspended on `input()`; the worker is replaced, the last checkpoint
//! restored, and the execution reported as interrupted, or run again under `OnCrash::Rerun`
//! without asking an answered `input()` again.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use phicode_durable::{DurableConfig, DurableSession, OnCrash, Outcome, StateDir};
use phicode_sessions::host::{Event, Level};
use phicode_sessions::protocol::{ErrorKind, Execute};
use tokio::sync::mpsc;

async fn durable(state: &tempfile::TempDir, on_crash: OnCrash) -> DurableSession {
    durable_at(state, on_crash, Level::Unrestricted).await
}

async fn durable_at(state: &tempfile::TempDir, on_crash: OnCrash, level: Level) -> DurableSession {
    let mut session = common::config();
    session.level = level;
    let config = DurableConfig {
        state_dir: Some(state.path().into()),
        checkpoint_idle: Duration::from_millis(10),
        on_crash,
        durability: support::durability(),
        ..DurableConfig::default()
    };
    DurableSession::start(session, config).await.unwrap()
}

async fn run(s: &DurableSession, id: &str, code: &str) -> Outcome {
    common::within(60, s.execute(&support::id(s, id), Execute::new(code), None)).await.unwrap()
}

fn repr(outcome: &Outcome) -> String {
    match outcome.result() {
        Some(result) => result.repr.clone().unwrap_or_default(),
        None => panic!("failed: {}", outcome.error().unwrap().traceback),
    }
}

/// Waits until the state folder holds a checkpoint taken after `cell`.
async fn checkpointed(state: &tempfile::TempDir, cell: u64) {
    let dir = StateDir::new(state.path());
    common::within(30, async {
        while dir.taken().is_none_or(|t| t.cell < cell) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
}

const DIE: &str = "import os\nprint('dying', flush=True)\nos.kill(os.getpid(), 9)";

#[tokio::test]
async fn sigkill_in_a_cell_restarts_restores_and_reports() {
    let state = tempfile::tempdir().unwrap();
    let s = durable(&state, OnCrash::Report).await;
    assert_eq!(repr(&run(&s, "c1", "x = 41\ny = 'kept'\nx").await), "41");
    checkpointed(&state, 1).await;
    let died = run(&s, "c2", DIE).await;
    let error = died.error().unwrap();
    assert_eq!(error.kind, ErrorKind::WorkerDied);
    assert!(error.exception_message.contains("SIGKILL"), "{}", error.exception_message);
    assert!(
        error.exception_message.contains("restored 2 names as of cell 1"),
        "{}",
        error.exception_message
    );
    assert!(error.exception_message.contains("c2 did not finish"), "{}", error.exception_message);
    assert_eq!(died.stdout, "dying\n");
    assert_eq!(repr(&run(&s, "c3", "x + 1, y").await), "(42, 'kept')");
    // The same id again is the stored report, not a second run.
    assert_eq!(run(&s, "c2", DIE).await, died);
}

/// A confined worker cannot reach the state folder: the host writes and reads its
/// checkpoints for it, and a crash restores the names all the same.
#[tokio::test]
async fn a_confined_session_is_checkpointed_and_restored_by_its_host() {
    let state = tempfile::tempdir().unwrap();
    let s = durable_at(&state, OnCrash::Report, Level::Restricted).await;
    assert_eq!(repr(&run(&s, "r1", "x = 41\nx").await), "41");
    checkpointed(&state, 1).await;
    let died = run(&s, "r2", DIE).await;
    let message = &died.error().unwrap().exception_message;
    assert!(message.contains("restored 1 names as of cell 1"), "{message}");
    assert_eq!(repr(&run(&s, "r3", "x + 1").await), "42");
}

#[tokio::test]
async fn under_rerun_a_killed_cell_runs_again_without_asking_an_answered_input_again() {
    let state = tempfile::tempdir().unwrap();
    let s = Arc::new(durable(&state, OnCrash::Rerun).await);
    let marker = state.path().join("died-once");
    let code = format!(
        "import os\nname = input('name? ')\nif not os.path.exists({m:?}):\n    open({m:?}, 'w').close()\n    os.kill(os.getpid(), 9)\n'hi ' + name",
        m = marker.display().to_string()
    );
    let asked = Arc::new(AtomicUsize::new(0));
    let (events, mut seen) = mpsc::channel(16);
    let (settler, count) = (Arc::clone(&s), Arc::clone(&asked));
    tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            if let Event::Input { input_id, .. } = event {
                count.fetch_add(1, Ordering::SeqCst);
                settler.resolve(&input_id, "Ada").await.unwrap();
            }
        }
    });
    let outcome =
        common::within(60, s.execute(&support::id(&s, "r1"), Execute::new(code), Some(events)))
            .await
            .unwrap();
    assert_eq!(repr(&outcome), "'hi Ada'");
    assert!(marker.exists(), "the first run did not get to die");
    assert_eq!(asked.load(Ordering::SeqCst), 1, "the answered input() was asked again");
}

#[tokio::test]
async fn sigkill_while_suspended_on_input_reports_and_the_session_goes_on() {
    let state = tempfile::tempdir().unwrap();
    let s = Arc::new(durable(&state, OnCrash::Report).await);
    assert_eq!(repr(&run(&s, "k1", "z = 7").await), "");
    checkpointed(&state, 1).await;
    let pid = s.session().ready().unwrap().pid;
    let (events, mut seen) = mpsc::channel(16);
    tokio::spawn(async move {
        while let Some(event) = seen.recv().await {
            if let Event::Input { .. } = event {
                let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
            }
        }
    });
    let outcome = common::within(
        60,
        s.execute(&support::id(&s, "k2"), Execute::new("input('?')"), Some(events)),
    )
    .await
    .unwrap();
    let error = outcome.error().unwrap();
    assert_eq!(error.kind, ErrorKind::WorkerDied);
    assert!(
        error.exception_message.contains("restored 1 names as of cell 1"),
        "{}",
        error.exception_message
    );
    assert_eq!(repr(&run(&s, "k3", "z * 6").await), "42");
}
