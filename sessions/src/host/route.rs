//! Where each message from the worker goes: to its execution (waiting while that
//! execution's buffer is full: backpressure), to the request it answers, to the heartbeat
//! watch, or to the general channel when nobody awaits it; an `input` nobody will answer
//! gets end of input.

use super::error::SessionError;
use super::event::Event;
use super::observers::Direction;
use super::shared::Shared;
use crate::protocol::{
    ApprovalResponse, Envelope, ErrorKind, ErrorMessage, InputResponse, Message, Verdict,
};

/// Hands `envelope` to whoever it belongs to.
pub async fn route(shared: &Shared, envelope: Envelope) {
    shared.observers().intercept(Direction::Incoming, &envelope);
    let event = match envelope.body {
        Message::Output(m) => Event::Output(m),
        Message::Display(m) => Event::Display(m),
        Message::Input(input) => Event::Input { input_id: envelope.id, input },
        Message::Approval(approval) => Event::Approval { approval_id: envelope.id, approval },
        Message::Result(m) => Event::Result(m),
        Message::Error(m) => return error(shared, m).await,
        Message::Heartbeat(h) => return shared.observers().heartbeat(h),
        // Every reply names its request.
        body if body.request_id().is_some() => return reply(shared, body),
        body => {
            let why = format!("unexpected `{}` message from the worker", body.kind());
            return protocol_error(shared, &why);
        }
    };
    deliver(shared, event).await;
}

/// Tells the general channel about a message that broke the protocol.
pub fn protocol_error(shared: &Shared, why: &str) {
    let error = ErrorMessage::synthetic(None, ErrorKind::Protocol, "ProtocolError", why);
    shared.observers().publish(Event::Error(error));
}

/// An `error` about a waiting request fails that request; any other ends its execution.
async fn error(shared: &Shared, error: ErrorMessage) {
    let reply = shared.take_reply(error.execution_id.as_deref().unwrap_or_default());
    match reply {
        Some(reply) => {
            let _ = reply.send(Err(SessionError::Request(Box::new(error))));
        }
        None => deliver(shared, Event::Error(error)).await,
    }
}

fn reply(shared: &Shared, body: Message) {
    let Some(id) = body.request_id() else { return };
    if let Some(reply) = shared.take_reply(id) {
        let _ = reply.send(Ok(body));
    }
}

/// Hands an event to its execution, waiting while its buffer is full.
async fn deliver(shared: &Shared, event: Event) {
    let target = match execution_of(&event) {
        Some(id) if event.is_terminal() => shared.finish_execution(id, &event),
        Some(id) => shared.execution(id),
        None => None,
    };
    let Some(target) = target else {
        // Output of a task whose cell has finished, and the like.
        refuse(shared, &event).await;
        return shared.observers().publish(event);
    };
    if let Err(unsent) = target.send(event).await {
        // Nobody reads this execution any more: its question is refused, not left hanging.
        refuse(shared, &unsent.0).await;
    }
}

/// Answers a question nobody will: `input()` gets EOF, `approve()` is denied.
async fn refuse(shared: &Shared, event: &Event) {
    let body = match event {
        Event::Input { input_id, .. } => {
            Message::InputResponse(InputResponse::eof(input_id.clone()))
        }
        Event::Approval { approval_id, .. } => Message::ApprovalResponse(ApprovalResponse {
            approval_id: approval_id.clone(),
            verdict: Verdict::Denied,
        }),
        _ => return,
    };
    let _ = shared.send(Envelope::new(shared.next_id("h"), body)).await;
}

fn execution_of(event: &Event) -> Option<&str> {
    match event {
        Event::Output(m) => m.execution_id.as_deref(),
        Event::Display(m) => m.execution_id.as_deref(),
        Event::Input { input, .. } => Some(&input.execution_id),
        Event::Approval { approval, .. } => Some(&approval.execution_id),
        Event::Result(m) => Some(&m.execution_id),
        Event::Error(m) => m.execution_id.as_deref(),
    }
}
