//! The reader thread: the worker's one reader of the host's frames. It never needs the
//! GIL, so an `interrupt` is acted on even while Python code holds it. Namespace work goes
//! to the inbox for the main thread; `cancel`, `complete`, `is_complete` and `inspect` to
//! the control thread; input responses straight to the `input()` call waiting for them.

use std::fs::File;
use std::io::BufReader;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use phicode_sessions::protocol::{Envelope, ErrorKind, Message, decode, read_frame};

use super::inbox::InputEvent;
use super::reply::failure;
use super::state::Worker;

/// Large enough that a burst of small frames is one read.
const READ_BUFFER: usize = 64 * 1024;

/// Reads frames from the host until it closes the pipe, then ends the process.
pub fn run_reader(worker: Arc<Worker>, pipe: File, control: Sender<Envelope>) {
    let mut reader = BufReader::with_capacity(READ_BUFFER, pipe);
    loop {
        let payload = match read_frame(&mut reader, worker.max_frame) {
            Ok(Some(payload)) => payload,
            // The host is gone (or broke the framing): no one is left to serve.
            Ok(None) | Err(_) => std::process::exit(0),
        };
        match decode(&payload, worker.format) {
            Ok(envelope) => route(&worker, envelope, &control),
            Err(e) => {
                let text = format!("undecodable message: {e}");
                worker.outbox.send(failure(None, ErrorKind::Protocol, "ProtocolError", text));
            }
        }
    }
}

fn route(worker: &Worker, envelope: Envelope, control: &Sender<Envelope>) {
    match &envelope.body {
        Message::Interrupt(m) => {
            let current = worker.current_id();
            let targeted = m.execution_id.as_deref();
            if current.is_some() && (targeted.is_none() || targeted == current.as_deref()) {
                worker.inbox.interrupt(targeted);
            }
        }
        Message::InputResponse(m) => {
            let event = if m.eof { InputEvent::Eof } else { InputEvent::Line(m.data.clone()) };
            worker.inbox.answer_input(&m.input_id, event);
        }
        Message::ApprovalResponse(m) => {
            worker.inbox.answer_input(&m.approval_id, InputEvent::Verdict(m.verdict));
        }
        Message::CallReply(m) => {
            worker.inbox.answer_input(&m.call_id, InputEvent::Reply(m.clone()));
        }
        Message::Cancel(_)
        | Message::Complete(_)
        | Message::IsComplete(_)
        | Message::Inspect(_) => {
            let _ = control.send(envelope);
        }
        Message::Execute(_)
        | Message::Checkpoint(_)
        | Message::Restore(_)
        | Message::Shutdown(_) => {
            worker.inbox.queue(envelope);
        }
        other => {
            let text = format!("a worker does not accept `{}` messages", other.kind());
            let about = Some(envelope.id.clone());
            worker.outbox.send(failure(about, ErrorKind::Protocol, "ProtocolError", text));
        }
    }
}
