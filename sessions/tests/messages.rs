//! The remaining message types through a real worker: display, complete, is_complete,
//! heartbeat, shutdown, interceptors, the frame limit and the handshake.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{config, run, session, value, within};
use phicode_sessions::host::{Direction, Event, Session, SessionConfig, SessionError};
use phicode_sessions::protocol::{Completeness, ErrorKind, Format, PROTOCOL_VERSION};

#[tokio::test]
async fn ready_carries_the_version_handshake() {
    let s = session().await;
    let ready = s.ready().unwrap();
    assert_eq!(ready.protocol_version, PROTOCOL_VERSION);
    assert!(ready.python_version.starts_with("3."));
    assert!(ready.capabilities.iter().any(|c| c == "async"));
    assert_eq!(ready.session_id, s.id());
}

#[tokio::test]
async fn a_program_that_is_not_a_worker_is_refused() {
    let mut settings = SessionConfig::new("/bin/echo");
    settings.start_timeout = Duration::from_secs(5);
    let error = Session::start(settings).await.unwrap_err();
    assert!(matches!(error, SessionError::Start(_)), "{error}");
}

#[tokio::test]
async fn display_sends_mime_bundles() {
    let s = session().await;
    let code = "class Rich:\n    def _repr_html_(self): return '<b>hi</b>'\n    def __repr__(self): return 'Rich()'\ndisplay(Rich(), 5)\nRich()";
    let done = run(&s, code).await;
    let displays: Vec<_> = done
        .events
        .iter()
        .filter_map(|e| if let Event::Display(d) = e { Some(d) } else { None })
        .collect();
    assert_eq!(displays.len(), 2);
    assert_eq!(displays[0].data["text/html"], "<b>hi</b>");
    assert_eq!(displays[1].data["text/plain"], "5");
    let result = done.result().unwrap();
    assert_eq!(result.data.as_ref().unwrap()["text/html"], "<b>hi</b>");
}

#[tokio::test]
async fn completion_and_completeness() {
    let s = session().await;
    value(&s, "import collections\nmy_variable = 1").await;
    let reply = s.complete("x = my_va", 9).await.unwrap();
    assert_eq!(
        (reply.matches.as_slice(), reply.cursor_start, reply.cursor_end),
        (&["my_variable".to_string()][..], 4, 9)
    );
    let reply = s.complete("collections.Ord", 15).await.unwrap();
    assert_eq!(reply.matches, ["collections.OrderedDict"]);
    for (code, status, indent) in [
        ("1 + 1", Completeness::Complete, ""),
        ("def f():", Completeness::Incomplete, "    "),
        ("def f():\n    return 1", Completeness::Incomplete, "    "),
        ("def f():\n    return 1\n", Completeness::Complete, ""),
        ("x = (1,", Completeness::Incomplete, ""),
        ("ƒ f():", Completeness::Incomplete, "    "),
        ("await x", Completeness::Complete, ""),
        ("1 +* 2", Completeness::Invalid, ""),
    ] {
        let reply = s.is_complete(code).await.unwrap();
        assert_eq!((reply.status, reply.indent.as_str()), (status, indent), "{code:?}");
    }
}

#[tokio::test]
async fn inspection_shows_signatures_docs_and_sources() {
    let s = session().await;
    value(&s, "ƒ area(w, h=2):\n    \"Width times height.\"\n    ⟲ w * h").await;
    let reply = s.inspect("x = area(3)", 7, 0).await.unwrap();
    let text = reply.data["text/plain"].as_str().unwrap();
    assert!(reply.found);
    assert!(
        text.contains("Signature: area(w, h=2)") && text.contains("Width times height."),
        "{text}"
    );
    let reply = s.inspect("area", 2, 1).await.unwrap();
    assert!(
        reply.data["text/plain"].as_str().unwrap().contains("⟲ w * h"),
        "the φ source: {reply:?}"
    );
    let reply = s.inspect("len", 3, 0).await.unwrap();
    assert!(reply.data["text/plain"].as_str().unwrap().contains("Return the number of items"));
    assert!(!s.inspect("no_such_name", 5, 0).await.unwrap().found);
    assert!(!s.inspect("area().x", 8, 0).await.unwrap().found, "nothing is called");
}

#[tokio::test]
async fn heartbeats_report_the_worker() {
    let mut settings = config();
    settings.heartbeat = Some(Duration::from_millis(50));
    let s = Session::start(settings).await.unwrap();
    value(&s, "x = 1").await;
    let mut beats = s.heartbeats();
    let beat = within(10, async {
        loop {
            beats.changed().await.unwrap();
            if let Some(beat) = beats.borrow().clone() {
                break beat;
            }
        }
    })
    .await;
    assert!(beat.memory_usage > 1 << 20, "{beat:?}");
    assert!(beat.namespace_size >= 10, "{beat:?}");
}

#[tokio::test]
async fn interceptors_see_both_directions_before_routing() {
    let s = session().await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    s.add_message_interceptor(move |direction, envelope| {
        log.lock().unwrap().push((direction, envelope.body.kind(), envelope.id.clone()));
    });
    let execution = s.execute("print('x')\n1").await.unwrap();
    let id = execution.id().to_string();
    execution.collect().await;
    let seen = seen.lock().unwrap().clone();
    let kinds: Vec<_> = seen.iter().map(|(d, k, _)| (*d, *k)).collect();
    assert_eq!(
        kinds,
        [
            (Direction::Outgoing, "execute"),
            (Direction::Incoming, "output"),
            (Direction::Incoming, "result")
        ]
    );
    assert_eq!(seen[0].2, id);
}

#[tokio::test]
async fn messages_over_the_frame_limit_become_errors() {
    let mut settings = config();
    settings.max_frame_bytes = 100_000;
    settings.format = Format::Json;
    let s = Session::start(settings).await.unwrap();
    let done = run(&s, "'x' * 200_000").await;
    let error = done.error().unwrap();
    assert_eq!(error.kind, ErrorKind::Protocol);
    assert!(error.exception_message.contains("limit"), "{}", error.exception_message);
    assert_eq!(value(&s, "len('still fine')").await, "10");
    // Output is split into frames under the limit.
    let done = run(&s, "print('y' * 300_000)").await;
    assert_eq!(done.stdout.len(), 300_001);
}

#[tokio::test]
async fn shutdown_can_checkpoint_first() {
    let s = session().await;
    value(&s, "kept = [1, 2, 3]").await;
    let checkpoint = s.shutdown_with_checkpoint(Duration::from_secs(5)).await.unwrap();
    assert!(!s.is_alive());
    let fresh = session().await;
    let reply = fresh.restore(checkpoint.data, None, true).await.unwrap();
    assert_eq!(reply.restored, ["kept"]);
    assert_eq!(value(&fresh, "kept").await, "[1, 2, 3]");
}

#[tokio::test]
async fn shutdown_ends_the_worker() {
    let s = session().await;
    let pid = s.ready().unwrap().pid;
    s.shutdown(Duration::from_secs(5)).await.unwrap();
    assert!(!s.is_alive());
    assert!(matches!(s.execute("1").await, Err(SessionError::WorkerDead(_))));
    within(10, async {
        while std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            if stat.split_whitespace().nth(2) == Some("Z") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn dropping_the_last_handle_kills_the_worker() {
    let s = session().await;
    let pid = s.ready().unwrap().pid;
    let other = s.clone();
    drop(s);
    assert_eq!(value(&other, "'one handle is enough'").await, "'one handle is enough'");
    drop(other);
    within(10, async {
        while std::path::Path::new(&format!("/proc/{pid}")).exists() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_request_without_an_answer_times_out() {
    let mut settings = config();
    settings.request_timeout = Duration::from_millis(300);
    let s = Session::start(settings).await.unwrap();
    // C code that never lets go of the GIL keeps the worker from answering.
    let busy = s.execute("sum(range(10**8))").await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let error = s.complete("su", 2).await.unwrap_err();
    assert!(matches!(error, SessionError::Timeout("complete", _)), "{error}");
    assert!(within(60, busy.collect()).await.result().is_some());
    assert!(s.complete("su", 2).await.unwrap().matches.contains(&"sum".to_string()));
}
