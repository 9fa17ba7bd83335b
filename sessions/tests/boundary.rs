//! What a worker does with messages it cannot take, at both of its boundaries: frames from
//! the host with an unknown type or a field of the wrong type are answered with a
//! `ProtocolError` (the worker goes on), and a message the engine's Python gets wrong is an
//! exception in the cell that names the field, never a default sent to the host.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use common::{phicode, run, session};
use phicode_sessions::protocol::{
    DEFAULT_MAX_FRAME, ErrorKind, ErrorMessage, Format, Message, decode, read_frame,
};

/// A worker spoken to in JSON frames, by hand.
struct RawWorker {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
}

impl RawWorker {
    fn start() -> Self {
        let mut child = Command::new(phicode())
            .args(["worker", "--format", "json", "--heartbeat-ms", "0"])
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let (stdin, stdout) = (child.stdin.take().unwrap(), child.stdout.take().unwrap());
        let mut worker = Self { child, stdin, stdout };
        assert!(matches!(worker.next(), Message::Ready(_)));
        worker
    }

    fn send(&mut self, json: &str) {
        self.stdin.write_all(&(json.len() as u32).to_be_bytes()).unwrap();
        self.stdin.write_all(json.as_bytes()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn next(&mut self) -> Message {
        let payload = read_frame(&mut self.stdout, DEFAULT_MAX_FRAME).unwrap().unwrap();
        decode(&payload, Format::Json).unwrap().body
    }

    fn next_error(&mut self) -> ErrorMessage {
        match self.next() {
            Message::Error(error) => error,
            other => panic!("expected an error, got {other:?}"),
        }
    }
}

impl Drop for RawWorker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn host_messages_of_an_unknown_type_or_a_wrong_field_type_are_protocol_errors() {
    let mut worker = RawWorker::start();
    worker.send(r#"{"id":"a","timestamp":0,"type":"teleport"}"#);
    let error = worker.next_error();
    assert_eq!((error.kind, error.exception_type.as_str()), (ErrorKind::Protocol, "ProtocolError"));
    assert!(error.exception_message.contains("teleport"), "{}", error.exception_message);

    worker.send(r#"{"id":"b","timestamp":0,"type":"execute","code":5}"#);
    let error = worker.next_error();
    assert_eq!(error.kind, ErrorKind::Protocol);
    assert!(error.exception_message.contains("undecodable"), "{}", error.exception_message);

    // A type the worker knows but does not take from a host.
    worker.send(r#"{"id":"c","timestamp":0,"type":"ready","session_id":"s","capabilities":[],"protocol_version":1,"worker_version":"0","python_version":"3","pid":1,"max_frame_bytes":1}"#);
    let error = worker.next_error();
    assert_eq!(error.execution_id.as_deref(), Some("c"));
    assert!(error.exception_message.contains("does not accept `ready`"));

    // The worker is still serving.
    worker.send(r#"{"id":"d","timestamp":0,"type":"execute","code":"6*7"}"#);
    match worker.next() {
        Message::Result(result) => assert_eq!(result.repr.as_deref(), Some("42")),
        other => panic!("expected the result, got {other:?}"),
    }
}

#[tokio::test]
async fn a_message_the_engine_gets_wrong_is_an_exception_naming_the_field() {
    let s = session().await;
    let cases = [
        (
            "W.send('result', {'execution_id': 'x', 'execution_time': 'soon', 'mode': 'sync'})",
            "execution_time",
        ),
        ("W.send('result', {'execution_id': 'x', 'execution_time': 0.0, 'mode': 'later'})", "mode"),
        (
            "W.send('error', {'execution_id': 'x', 'kind': 'oops', 'exception_type': 'E', 'exception_message': '', 'traceback': ''})",
            "kind",
        ),
        (
            "W.send('result', {'execution_id': 'x', 'execution_time': 0.0, 'mode': 'sync', 'colour': 1})",
            "colour",
        ),
        ("W.send('teleport', {})", "teleport"),
    ];
    for (call, named) in cases {
        let done = run(&s, &format!("import _phicode_worker as W\n{call}")).await;
        let error = done.error().unwrap_or_else(|| panic!("{call} did not fail"));
        assert!(
            matches!(error.exception_type.as_str(), "TypeError" | "ValueError"),
            "{call}: {}",
            error.exception_type
        );
        assert!(error.exception_message.contains(named), "{call}: {}", error.exception_message);
    }
}
