//! What the guest's lines mean to the host: `out` becomes `output` (counted against the
//! output limit), `input` an `input` with its deterministic id, and each request's reply
//! its protocol message. A line that is not one of the driver's messages (code writing
//! to fd 1 itself) is shown as stdout text, never trusted.

use std::sync::atomic::Ordering;
use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use phicode_sessions::protocol::{
    Approval, ErrorKind, ErrorMessage, ExecMode, ExecResult, Input, Message, StreamName,
};
use serde_json::{Map, Value};

use super::answers::{reply, str_of};
use super::state::Session;
use crate::guest::watch::Stop;

/// Acts on one line of the guest's stdout.
pub fn line(session: &mut Session, text: String) {
    let message: Map<String, Value> = match serde_json::from_str(&text) {
        Ok(Value::Object(map)) if map.get("t").is_some_and(Value::is_string) => map,
        _ => return stray(session, text),
    };
    let kind = message.get("t").and_then(Value::as_str).unwrap_or_default().to_owned();
    match kind.as_str() {
        "ready" => super::recovery::instance_ready(session),
        "out" => output(session, &message),
        "input" => input(session, &message),
        "approval" => approval(session, &message),
        "result" | "error" => terminal(session, &kind, &message),
        "saved" => saved(session, &message),
        _ => reply(session, &kind, message),
    }
}

fn stray(session: &mut Session, mut text: String) {
    text.push('\n');
    text_output(session, StreamName::Stdout, &text);
}

fn output(session: &mut Session, message: &Map<String, Value>) {
    let stderr = str_of(message, "s") == "stderr";
    let stream = if stderr { StreamName::Stderr } else { StreamName::Stdout };
    text_output(session, stream, str_of(message, "d"));
}

/// Sends output of the running request (or of none), ending the instance once the
/// request is over its output limit.
pub fn text_output(session: &mut Session, stream: StreamName, data: &str) {
    let limit = session.limits.output_bytes;
    let Some(current) = session.current.as_mut() else {
        return session.outbox.output(None, stream, data);
    };
    current.output += data.len() as u64;
    if current.output > limit {
        return session.stop_guest(Stop::Output(limit));
    }
    session.outbox.output(Some(&current.id), stream, data);
}

fn input(session: &mut Session, message: &Map<String, Value>) {
    let Some(current) = session.current.as_mut() else { return };
    let execution_id = current.id.clone();
    let Some(exec) = current.exec() else { return };
    exec.inputs += 1;
    let input_id = format!("{execution_id}:input:{}", exec.inputs);
    exec.waiting = Some((input_id.clone(), Instant::now()));
    let prompt = str_of(message, "prompt").to_owned();
    let password = message.get("password").and_then(Value::as_bool).unwrap_or(false);
    let request = Input { execution_id, prompt, password, timeout: None };
    session.outbox.send_with_id(input_id, Message::Input(request));
}

/// `approve(prompt, data)` in the guest: an `approval` with its deterministic id, answered
/// by the host like the native worker's (a person, or a durable promise settled elsewhere).
fn approval(session: &mut Session, message: &Map<String, Value>) {
    let Some(current) = session.current.as_mut() else { return };
    let execution_id = current.id.clone();
    let Some(exec) = current.exec() else { return };
    exec.approvals += 1;
    let approval_id = format!("{execution_id}:approve:{}", exec.approvals);
    exec.waiting = Some((approval_id.clone(), Instant::now()));
    let prompt = str_of(message, "prompt").to_owned();
    let data = message.get("data").cloned().unwrap_or(Value::Null);
    let request = Approval { execution_id, prompt, data };
    session.outbox.send_with_id(approval_id, Message::Approval(request));
}

/// A cell's `result` or `error`: sent now; the cell is over once its save arrives.
fn terminal(session: &mut Session, kind: &str, message: &Map<String, Value>) {
    let Some(current) = session.current.as_mut() else { return };
    let execution_id = current.id.clone();
    let Some(exec) = current.exec() else { return };
    if exec.answered {
        return;
    }
    exec.answered = true;
    let count = message.get("count").and_then(Value::as_u64);
    if let Some(count) = count {
        session.last_count = session.last_count.max(count);
    }
    if let Some(size) = message.get("ns").and_then(Value::as_u64) {
        session.status.namespace_size.store(size, Ordering::Relaxed);
    }
    let execution_time = message.get("time").and_then(Value::as_f64).unwrap_or(0.0);
    let body = if kind == "result" {
        Message::Result(ExecResult {
            execution_id,
            value: message.get("value").filter(|v| !v.is_null()).cloned(),
            repr: message.get("repr").and_then(Value::as_str).map(str::to_owned),
            data: None,
            execution_count: count,
            execution_time,
            mode: ExecMode::Sync,
        })
    } else {
        Message::Error(ErrorMessage {
            execution_id: Some(execution_id),
            kind: serde_json::from_value(message.get("kind").cloned().unwrap_or_default())
                .unwrap_or(ErrorKind::Exception),
            exception_type: str_of(message, "type").to_owned(),
            exception_message: str_of(message, "message").to_owned(),
            traceback: str_of(message, "traceback").to_owned(),
            frames: serde_json::from_value(message.get("frames").cloned().unwrap_or_default())
                .unwrap_or_default(),
            execution_count: count,
            execution_time: Some(execution_time),
        })
    };
    session.status.set_running(None);
    session.send(body);
}

/// The checkpoint a cell or restore left: kept for a replacement instance.
fn saved(session: &mut Session, message: &Map<String, Value>) {
    if let Some(data) = message.get("data").and_then(Value::as_str) {
        session.saved = STANDARD.decode(data).ok().or(session.saved.take());
    }
    session.finish();
}
