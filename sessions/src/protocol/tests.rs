//! Round trips of every message type through both formats, and the frame limits.
#![allow(clippy::unwrap_used)]

use super::*;

fn samples() -> Vec<Message> {
    let mut bundle = serde_json::Map::new();
    bundle.insert("text/plain".into(), "1".into());
    vec![
        Message::Execute(Execute::new("1+1")),
        Message::Output(Output {
            execution_id: Some("e".into()),
            stream: StreamName::Stderr,
            data: "hé\n".into(),
        }),
        Message::Display(Display {
            execution_id: None,
            data: bundle.clone(),
            metadata: Default::default(),
            display_id: Some("d".into()),
            update: true,
        }),
        Message::Input(Input {
            execution_id: "e".into(),
            prompt: "? ".into(),
            password: false,
            timeout: Some(1.5),
        }),
        Message::InputResponse(InputResponse {
            input_id: "i".into(),
            data: "x".into(),
            eof: false,
        }),
        Message::Result(ExecResult {
            execution_id: "e".into(),
            value: Some(serde_json::json!({"a": [1, 2.5, null]})),
            repr: Some("{'a': [1, 2.5, None]}".into()),
            data: Some(bundle),
            execution_count: Some(3),
            execution_time: 0.25,
            mode: ExecMode::Async,
        }),
        Message::Error(ErrorMessage {
            execution_id: Some("e".into()),
            kind: ErrorKind::Interrupted,
            exception_type: "KeyboardInterrupt".into(),
            exception_message: String::new(),
            traceback: "Traceback".into(),
            frames: vec![Frame {
                filename: "<cell 1>".into(),
                line: 2,
                name: "<module>".into(),
                text: None,
            }],
            execution_count: None,
            execution_time: Some(1.0),
        }),
        Message::Checkpoint(Checkpoint {
            request_id: Some("c".into()),
            data: Some(vec![0, 159, 255]),
            skipped: vec![Skipped {
                name: "f".into(),
                type_name: "function".into(),
                reason: "lambda".into(),
            }],
            ..Default::default()
        }),
        Message::Restore(Restore { data: Some(vec![1, 2]), path: None, clear_existing: false }),
        Message::RestoreReply(RestoreReply {
            request_id: "r".into(),
            restored: vec!["x".into()],
            skipped: vec![],
        }),
        Message::Ready(Ready {
            session_id: "s".into(),
            capabilities: vec!["async".into()],
            protocol_version: PROTOCOL_VERSION,
            worker_version: "0.1.0".into(),
            python_version: "3.11.7".into(),
            pid: 7,
            max_frame_bytes: DEFAULT_MAX_FRAME,
        }),
        Message::Heartbeat(Heartbeat {
            memory_usage: 1 << 20,
            cpu_percent: 0.5,
            namespace_size: 9,
            execution_id: None,
        }),
        Message::Call(Call {
            execution_id: "x".into(),
            capability: "fs.write".into(),
            arguments: serde_json::json!({"path": "/tmp/a", "text": "hi"}),
        }),
        Message::CallReply(CallReply {
            call_id: "x:call:1".into(),
            value: serde_json::Value::Null,
            failure: Some(CallFailure::Denied),
            message: "no".into(),
        }),
        Message::Audit(AuditEvent {
            execution_id: Some("x".into()),
            event: "open".into(),
            arguments: vec!["'/etc/passwd'".into()],
        }),
        Message::Shutdown(Shutdown { reason: "bye".into(), checkpoint: true }),
        Message::Cancel(Cancel { execution_id: "e".into(), grace_timeout_ms: Some(20) }),
        Message::Interrupt(Interrupt { execution_id: None, force_restart: true }),
        Message::Complete(Complete { code: "pri".into(), cursor_pos: 3 }),
        Message::CompleteReply(CompleteReply {
            request_id: "c".into(),
            matches: vec!["print".into()],
            cursor_start: 0,
            cursor_end: 3,
        }),
        Message::IsComplete(IsComplete { code: "if x:".into() }),
        Message::Inspect(Inspect { code: "len".into(), cursor_pos: 3, detail_level: 1 }),
        Message::InspectReply(InspectReply {
            request_id: "i".into(),
            found: true,
            data: serde_json::Map::from_iter([("text/plain".to_string(), "len(obj)".into())]),
        }),
        Message::IsCompleteReply(IsCompleteReply {
            request_id: "c".into(),
            status: Completeness::Incomplete,
            indent: "    ".into(),
        }),
    ]
}

#[test]
fn every_message_round_trips_in_both_formats() {
    for format in [Format::MsgPack, Format::Json] {
        for (n, body) in samples().into_iter().enumerate() {
            // JSON keeps 17 significant digits at most; a timestamp in ms needs fewer.
            let envelope = Envelope { id: format!("m{n}"), timestamp: 1_795_000_000.125, body };
            let frame = encode(&envelope, format, DEFAULT_MAX_FRAME).unwrap();
            let payload = read_frame(&mut &frame[..], DEFAULT_MAX_FRAME).unwrap().unwrap();
            assert_eq!(
                decode(&payload, format).unwrap(),
                envelope,
                "{format:?} {}",
                envelope.body.kind()
            );
        }
    }
}

#[test]
fn wire_names_are_the_documented_ones() {
    let envelope = Envelope::new(
        "x",
        Message::InputResponse(InputResponse {
            input_id: "i".into(),
            data: "d".into(),
            eof: false,
        }),
    );
    let json = serde_json::to_value(&envelope).unwrap();
    assert_eq!(json["type"], "input_response");
    assert_eq!(json["id"], "x");
    for body in samples() {
        let json = serde_json::to_value(Envelope::new("x", body.clone())).unwrap();
        assert_eq!(json["type"], body.kind());
    }
}

#[test]
fn missing_optional_fields_take_their_defaults() {
    let payload = br#"{"id":"e1","timestamp":1.0,"type":"execute","code":"x"}"#;
    let Message::Execute(execute) = decode(payload, Format::Json).unwrap().body else { panic!() };
    assert_eq!(execute, Execute::new("x"));
}

#[test]
fn oversized_frames_are_refused_before_reading_them() {
    let prefix = (DEFAULT_MAX_FRAME + 1).to_be_bytes();
    let error = read_frame(&mut &prefix[..], DEFAULT_MAX_FRAME).unwrap_err();
    assert!(matches!(error, FrameError::TooLarge { .. }), "{error}");
    let big = Envelope::new("x", Message::IsComplete(IsComplete { code: "x".repeat(100) }));
    assert!(matches!(encode(&big, Format::MsgPack, 50), Err(FrameError::TooLarge { .. })));
}

#[test]
fn truncated_and_garbage_frames_are_errors() {
    let frame = encode(
        &Envelope::new("x", Message::IsComplete(IsComplete { code: "x".into() })),
        Format::MsgPack,
        1000,
    )
    .unwrap();
    assert!(matches!(read_frame(&mut &frame[..frame.len() - 1], 1000), Err(FrameError::Truncated)));
    assert!(matches!(read_frame(&mut &frame[..2], 1000), Err(FrameError::Truncated)));
    assert!(read_frame(&mut &[][..], 1000).unwrap().is_none());
    assert!(matches!(decode(b"\xc1\x00", Format::MsgPack), Err(FrameError::Decode(_))));
    assert!(matches!(
        decode(br#"{"type":"nope","id":"x","timestamp":0}"#, Format::Json),
        Err(FrameError::Decode(_))
    ));
}
