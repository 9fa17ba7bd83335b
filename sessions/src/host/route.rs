//! Where each message from the worker goes: to its execution (see `deliver`), to the
//! request it answers, to the heartbeat watch, to the capability host (`calls`), or to the
//! general channel when nobody awaits it.

use std::sync::Arc;

use super::calls;
use super::deliver::deliver;
use super::error::SessionError;
use super::event::Event;
use super::observers::Direction;
use super::shared::Shared;
use crate::protocol::{Envelope, ErrorKind, ErrorMessage, Message};

/// Hands `envelope` to whoever it belongs to.
pub async fn route(shared: &Arc<Shared>, envelope: Envelope) {
    shared.observers().intercept(Direction::Incoming, &envelope);
    let event = match envelope.body {
        Message::Output(m) => Event::Output(m),
        Message::Display(m) => Event::Display(m),
        Message::Input(input) => Event::Input { input_id: envelope.id, input },
        Message::Approval(approval) => Event::Approval { approval_id: envelope.id, approval },
        Message::Call(call) => return calls::serve(shared.clone(), envelope.id, call),
        Message::Audit(event) => return calls::observed(shared, event),
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
