//! Where the supervisor hands what the worker sent: an execution's channel, a request's
//! reply, the heartbeat watch, or the session's general channel for what nobody awaits
//! (an `input` nobody will answer gets EOF).

use std::sync::Arc;

use super::Shared;
use crate::host::{error::SessionError, event::Event, supervise::deliver};
use crate::protocol::{Envelope, ErrorKind, ErrorMessage, Heartbeat, InputResponse, Message};

impl Shared {
    /// The channel of execution `id`; for a terminal event it is removed and remembered.
    pub(crate) fn target(
        &self,
        id: &str,
        terminal: Option<&Event>,
    ) -> Option<tokio::sync::mpsc::Sender<Event>> {
        let mut state = self.lock();
        match terminal {
            None => state.executions.get(id).cloned(),
            Some(event) => {
                let sender = state.executions.remove(id)?;
                state.remember(id, event.clone(), self.config.replay_memory);
                Some(sender)
            }
        }
    }

    pub(crate) async fn error(self: &Arc<Self>, _generation: u64, error: ErrorMessage) {
        let about = error.execution_id.clone().unwrap_or_default();
        let reply = self.lock().requests.remove(&about);
        match reply {
            Some(reply) => {
                let _ = reply.send(Err(SessionError::Request(Box::new(error))));
            }
            None => deliver(self, Event::Error(error), 0.0).await,
        }
    }

    pub(crate) fn reply(&self, body: Message) {
        let Some(id) = body.request_id().map(str::to_owned) else { return };
        if let Some(reply) = self.lock().requests.remove(&id) {
            let _ = reply.send(Ok(body));
        }
    }

    pub(crate) fn heartbeat(&self, heartbeat: Heartbeat) {
        self.heartbeats.send_replace(Some(heartbeat));
    }

    pub(crate) fn unsolicited(&self, envelope: Envelope) {
        let why = format!("unexpected `{}` message from the worker", envelope.body.kind());
        self.protocol_error(why);
    }

    pub(crate) fn unsolicited_event(&self, event: Event, _timestamp: f64) {
        let _ = self.general.send(event);
    }

    pub(crate) fn protocol_error(&self, why: String) {
        let error = ErrorMessage::synthetic(None, ErrorKind::Protocol, "ProtocolError", &why);
        let _ = self.general.send(Event::Error(error));
    }

    pub(crate) async fn answer_eof(&self, input_id: String) {
        let body = Message::InputResponse(InputResponse::eof(input_id));
        let _ = self.send(Envelope::new(self.next_id("h"), body)).await;
    }
}
