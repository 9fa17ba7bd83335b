//! Stopping code through a real worker: interrupts (sleep, tight loop, blocked input),
//! cancel, the input round trip, and worker crashes with restart.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{config, next_non_output, run, session, value, within};
use phicode_sessions::host::{Event, Session};
use phicode_sessions::protocol::ErrorKind;

/// Starts `code`, waits until it printed `started`, interrupts it, returns the error and
/// how long the interrupt took.
async fn interrupted(
    s: &Session,
    code: &str,
) -> (phicode_sessions::protocol::ErrorMessage, Duration) {
    let mut execution = s.execute(code).await.unwrap();
    loop {
        match within(30, execution.next()).await.unwrap() {
            Event::Output(o) if o.data.contains("started") => break,
            Event::Input { .. } => break,
            Event::Output(_) => {}
            other => panic!("ended before the interrupt: {other:?}"),
        }
    }
    let sent = Instant::now();
    s.interrupt(Some(execution.id())).await.unwrap();
    match next_non_output(&mut execution).await {
        Event::Error(error) => (error, sent.elapsed()),
        other => panic!("not interrupted: {other:?}"),
    }
}

#[tokio::test]
async fn interrupt_stops_sleep_tight_loops_and_blocked_input() {
    let s = session().await;
    for code in [
        "import time\nprint('started', flush=True)\ntime.sleep(60)",
        "print('started', flush=True)\nwhile True:\n    pass",
        "input('waiting? ')",
        "import asyncio\nprint('started', flush=True)\nawait asyncio.sleep(60)",
        "print('started', flush=True)\nasync def spin():\n    while True:\n        pass\nawait spin()",
    ] {
        let (error, took) = interrupted(&s, code).await;
        assert_eq!(error.exception_type, "KeyboardInterrupt", "{code}: {}", error.traceback);
        assert_eq!(error.kind, ErrorKind::Interrupted);
        // Speed is benchmarked; this only shows the code did not run to its end.
        assert!(took < Duration::from_secs(5), "{code}: {took:?}");
    }
    assert_eq!(value(&s, "'still alive'").await, "'still alive'");
}

#[tokio::test]
async fn code_can_catch_an_interrupt_and_go_on() {
    let s = session().await;
    let code = "import time\ntry:\n    print('started', flush=True)\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    caught = True\n'caught'";
    let mut execution = s.execute(code).await.unwrap();
    assert!(matches!(within(30, execution.next()).await, Some(Event::Output(_))));
    s.interrupt(None).await.unwrap();
    match next_non_output(&mut execution).await {
        Event::Result(r) => assert_eq!(r.repr.as_deref(), Some("'caught'")),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn input_round_trip() {
    let s = session().await;
    let mut execution =
        s.execute("name = input('name? ')\nprint('hello', name)\nlen(name)").await.unwrap();
    let Event::Input { input_id, input } = next_non_output(&mut execution).await else { panic!() };
    assert_eq!(input.prompt, "name? ");
    assert_eq!(input.execution_id, execution.id());
    assert!(input_id.starts_with(execution.id()), "deterministic input ids: {input_id}");
    s.input_response(&input_id, "Ada").await.unwrap();
    let done = execution.collect().await;
    assert_eq!(done.stdout, "hello Ada\n");
    assert_eq!(done.result().unwrap().repr.as_deref(), Some("3"));
    // sys.stdin reads lines the same way; EOF ends them.
    let mut execution =
        s.execute("import sys\nsys.stdin.readline(), sys.stdin.readline()").await.unwrap();
    let Event::Input { input_id, .. } = next_non_output(&mut execution).await else { panic!() };
    s.input_response(&input_id, "one").await.unwrap();
    let Event::Input { input_id, .. } = next_non_output(&mut execution).await else { panic!() };
    s.input_eof(&input_id).await.unwrap();
    assert_eq!(execution.collect().await.result().unwrap().repr.as_deref(), Some("('one\\n', '')"));
}

#[tokio::test]
async fn input_of_an_abandoned_execution_gets_eof() {
    let s = session().await;
    let execution = s.execute("try:\n    input()\nexcept EOFError:\n    r = 'eof'").await.unwrap();
    drop(execution);
    assert_eq!(value(&s, "r").await, "'eof'");
}

#[tokio::test]
async fn cancel_is_cooperative_then_forced() {
    let s = session().await;
    // A blocked input() gets EOFError, which the code may handle.
    let mut execution = s
        .execute("try:\n    input()\nexcept EOFError:\n    print('eof')\n'handled'")
        .await
        .unwrap();
    assert!(matches!(next_non_output(&mut execution).await, Event::Input { .. }));
    s.cancel(execution.id(), Duration::from_secs(5)).await.unwrap();
    let done = execution.collect().await;
    assert_eq!(
        (done.stdout.as_str(), done.result().unwrap().repr.as_deref()),
        ("eof\n", Some("'handled'"))
    );
    // Running Python code stops at its next step.
    let mut execution =
        s.execute("print('started', flush=True)\nwhile True:\n    pass").await.unwrap();
    assert!(matches!(within(30, execution.next()).await, Some(Event::Output(_))));
    s.cancel(execution.id(), Duration::from_secs(30)).await.unwrap();
    let Event::Error(error) = next_non_output(&mut execution).await else { panic!() };
    assert_eq!(
        (error.kind, error.exception_type.as_str()),
        (ErrorKind::Cancelled, "CancelledError")
    );
    // A task is cancelled at its await.
    let mut execution = s
        .execute("import asyncio\nprint('started', flush=True)\nawait asyncio.sleep(60)")
        .await
        .unwrap();
    assert!(matches!(within(30, execution.next()).await, Some(Event::Output(_))));
    s.cancel(execution.id(), Duration::from_secs(30)).await.unwrap();
    let Event::Error(error) = next_non_output(&mut execution).await else { panic!() };
    assert_eq!(error.kind, ErrorKind::Cancelled);
    // A sleeping cell does not cooperate: after the grace period it is interrupted.
    let mut execution =
        s.execute("import time\nprint('started', flush=True)\ntime.sleep(60)").await.unwrap();
    assert!(matches!(within(30, execution.next()).await, Some(Event::Output(_))));
    s.cancel(execution.id(), Duration::from_millis(50)).await.unwrap();
    let Event::Error(error) = next_non_output(&mut execution).await else { panic!() };
    assert_eq!(error.kind, ErrorKind::Cancelled, "{}", error.traceback);
    assert_eq!(value(&s, "'alive'").await, "'alive'");
}

#[tokio::test]
async fn a_queued_execution_can_be_cancelled_before_it_starts() {
    let s = session().await;
    let first = s.execute("import time\ntime.sleep(0.3)").await.unwrap();
    let second = s.execute("never = True").await.unwrap();
    s.cancel(second.id(), Duration::from_secs(1)).await.unwrap();
    assert!(first.collect().await.result().is_some());
    assert_eq!(second.collect().await.error().unwrap().kind, ErrorKind::Cancelled);
    assert_eq!(value(&s, "'never' in globals()").await, "False");
}

#[tokio::test]
async fn a_dying_worker_fails_the_execution_and_the_session_restarts() {
    let s = session().await;
    value(&s, "x = 1").await;
    let done = run(&s, "import os\nprint('bye', flush=True)\nos._exit(1)").await;
    assert_eq!(done.stdout, "bye\n", "output written before the crash arrives");
    let error = done.error().unwrap();
    assert_eq!((error.kind, error.exception_type.as_str()), (ErrorKind::WorkerDied, "WorkerDied"));
    assert!(
        error.exception_message.contains("exited with status 1"),
        "{}",
        error.exception_message
    );
    assert!(!s.is_alive());
    assert!(s.execute("1").await.is_err());
    s.restart().await.unwrap();
    assert_eq!(value(&s, "'x' in globals(), 1 + 1").await, "(False, 2)");
    let done = run(&s, "import ctypes\nctypes.string_at(0)").await;
    let error = done.error().unwrap();
    assert!(error.exception_message.contains("signal 11"), "{}", error.exception_message);
    assert!(
        error.traceback.contains("Segmentation fault"),
        "faulthandler's report: {}",
        error.traceback
    );
    assert!(error.traceback.contains("<cell 2>"), "{}", error.traceback);
}

#[tokio::test]
async fn restart_on_crash_brings_a_fresh_worker() {
    let mut settings = config();
    settings.restart_on_crash = true;
    let s = Session::start(settings).await.unwrap();
    let pid = s.ready().unwrap().pid;
    let done = run(&s, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)").await;
    assert!(done.error().unwrap().exception_message.contains("signal 9"));
    within(30, async {
        while s.ready().is_none_or(|r| r.pid == pid) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert_eq!(value(&s, "2 + 2").await, "4");
}

#[tokio::test]
async fn a_forced_restart_ends_running_executions() {
    let s = session().await;
    let execution = s.execute("import time\ntime.sleep(60)").await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    s.interrupt_with(Some(execution.id()), true).await.unwrap();
    let error = within(30, execution.collect()).await.error().cloned().unwrap();
    assert_eq!(error.kind, ErrorKind::Restarted);
    assert_eq!(value(&s, "1").await, "1");
}
