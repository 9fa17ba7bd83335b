//! The requests besides cells: checkpoint and restore, cancel, editing help, shutdown,
//! and what the sandbox refuses.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::Host;
use phicode_sandbox::Ended;
use phicode_sessions::protocol::{
    Cancel, Checkpoint, Complete, Completeness, ErrorKind, Execute, Inspect, IsComplete, Message,
    Restore, Shutdown,
};

#[test]
fn a_checkpoint_restores_into_another_session() {
    let mut first = Host::start();
    first.run("import math\nclass Point:\n    def __init__(self, x): self.x = x\np = Point(3)\nroot = math.sqrt(16)");
    let id = first.send(Message::Checkpoint(Checkpoint::default()));
    let Message::Checkpoint(saved) = first.reply_to(&id) else { panic!("no checkpoint") };
    assert!(saved.namespace_size >= 3, "{saved:?}");
    assert_eq!(saved.class_count, 1);
    let data = saved.data.unwrap();

    let mut second = Host::start();
    second.run("other = 1");
    let id = second.send(Message::Restore(Restore {
        data: Some(data),
        path: None,
        clear_existing: true,
    }));
    let Message::RestoreReply(reply) = second.reply_to(&id) else { panic!("no restore reply") };
    assert!(reply.restored.contains(&"p".to_owned()), "{reply:?}");
    let run = second.run("(p.x, root, math.pi > 3, 'other' in dir())");
    assert_eq!(run.value().value, Some(serde_json::json!([3, 4.0, true, false])));
    // Numbering goes on from the checkpointed session.
    assert_eq!(run.value().execution_count, Some(2));
}

#[test]
fn a_checkpoint_goes_to_a_file_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ns.ckpt").to_string_lossy().into_owned();
    let mut host = Host::start();
    host.run("kept = {'a': [1, 2]}");
    let id = host.send(Message::Checkpoint(Checkpoint {
        path: Some(path.clone()),
        ..Checkpoint::default()
    }));
    let Message::Checkpoint(reply) = host.reply_to(&id) else { panic!("no checkpoint") };
    assert_eq!(reply.path.as_deref(), Some(path.as_str()));
    host.run("kept = None");
    let id =
        host.send(Message::Restore(Restore { data: None, path: Some(path), clear_existing: true }));
    assert!(matches!(host.reply_to(&id), Message::RestoreReply(_)));
    assert_eq!(host.run("kept").value().value, Some(serde_json::json!({"a": [1, 2]})));
}

#[test]
fn a_bad_checkpoint_is_a_request_error() {
    let mut host = Host::start();
    let id = host.send(Message::Restore(Restore {
        data: Some(b"junk".to_vec()),
        path: None,
        clear_existing: true,
    }));
    let Message::Error(error) = host.reply_to(&id) else { panic!("no error") };
    assert_eq!(error.kind, ErrorKind::Request);
    assert_eq!(host.run("2 * 21").value().value, Some(serde_json::json!(42)));
}

#[test]
fn cancel_ends_a_waiting_input_and_a_queued_cell() {
    let mut host = Host::start();
    let waiting = host.send(Message::Execute(Execute::new("input()")));
    let queued = host.send(Message::Execute(Execute::new("'never'")));
    while !matches!(host.recv().body, Message::Input(_)) {}
    host.send(Message::Cancel(Cancel { execution_id: queued.clone(), grace_timeout_ms: None }));
    assert_eq!(host.finish(&queued).error().kind, ErrorKind::Cancelled);
    host.send(Message::Cancel(Cancel {
        execution_id: waiting.clone(),
        grace_timeout_ms: Some(60_000),
    }));
    assert_eq!(host.finish(&waiting).error().kind, ErrorKind::Cancelled);
}

#[test]
fn cancel_stops_a_busy_cell_after_its_grace() {
    let mut host = Host::start();
    let id = host.send(Message::Execute(Execute::new("while True: pass")));
    host.send(Message::Cancel(Cancel { execution_id: id.clone(), grace_timeout_ms: Some(10) }));
    assert_eq!(host.finish(&id).error().kind, ErrorKind::Cancelled);
    assert_eq!(host.run("'alive'").value().value, Some(serde_json::json!("alive")));
}

#[test]
fn editing_help_comes_from_the_namespace() {
    let mut host = Host::start();
    host.run("def greet(name):\n    'Says hello.'\n    return name\nvalue_one = 1");
    let id = host.send(Message::Complete(Complete { code: "value_".into(), cursor_pos: 6 }));
    let Message::CompleteReply(reply) = host.reply_to(&id) else { panic!("no completion") };
    assert_eq!(
        (reply.matches, reply.cursor_start, reply.cursor_end),
        (vec!["value_one".to_owned()], 0, 6)
    );
    let id = host.send(Message::Inspect(Inspect {
        code: "greet".into(),
        cursor_pos: 2,
        detail_level: 0,
    }));
    let Message::InspectReply(reply) = host.reply_to(&id) else { panic!("no inspection") };
    assert!(reply.found);
    assert!(reply.data["text/plain"].as_str().unwrap().contains("Says hello."), "{reply:?}");
    let id = host.send(Message::IsComplete(IsComplete { code: "¿ ✓:".into() }));
    let Message::IsCompleteReply(reply) = host.reply_to(&id) else { panic!("no verdict") };
    assert_eq!((reply.status, reply.indent.as_str()), (Completeness::Incomplete, "    "));
}

#[test]
fn shutdown_with_a_checkpoint_ends_the_session() {
    let mut host = Host::start();
    host.run("kept = 1");
    let id = host.send(Message::Shutdown(Shutdown { reason: "test".into(), checkpoint: true }));
    let Message::Checkpoint(reply) = host.reply_to(&id) else { panic!("no checkpoint") };
    assert!(reply.data.is_some());
    let serving = host.serving.take().unwrap();
    assert!(matches!(serving.join().unwrap(), Ok(Ended::Shutdown)));
}

#[test]
fn messages_a_worker_does_not_take_are_protocol_errors() {
    let mut host = Host::start();
    let id = host.send(Message::Heartbeat(phicode_sessions::protocol::Heartbeat {
        memory_usage: 0,
        cpu_percent: 0.0,
        namespace_size: 0,
        execution_id: None,
    }));
    let Message::Error(error) = host.reply_to(&id) else { panic!("no error") };
    assert_eq!(error.kind, ErrorKind::Protocol);
}

#[test]
fn heartbeats_follow_ready_when_asked_for() {
    let mut options = common::options(phicode_sandbox::Limits::default());
    options.heartbeat = Some(std::time::Duration::from_millis(20));
    let host = Host::with(options);
    let beat = loop {
        if let Message::Heartbeat(beat) = host.recv().body {
            break beat;
        }
    };
    assert!(beat.memory_usage > 0, "{beat:?}");
    assert_eq!(beat.execution_id, None);
}
