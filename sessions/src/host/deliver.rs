//! Handing an event to the execution it belongs to (waiting while that execution's
//! buffer is full: backpressure), and answering a question nobody will: `input()` gets end
//! of input, an approval is denied.

use super::event::Event;
use super::shared::Shared;
use crate::protocol::{ApprovalResponse, Envelope, InputResponse, Message, Verdict};

/// Hands an event to its execution, waiting while its buffer is full.
pub async fn deliver(shared: &Shared, event: Event) {
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

/// Answers a question nobody will: `input()` gets EOF, an approval is denied.
async fn refuse(shared: &Shared, event: &Event) {
    let body = match event {
        Event::Input { input_id, .. } => {
            Message::InputResponse(InputResponse::eof(input_id.clone()))
        }
        Event::Approval { approval_id, .. } => {
            if shared.settle_host_approval(approval_id, Verdict::Denied) {
                return;
            }
            Message::ApprovalResponse(ApprovalResponse {
                approval_id: approval_id.clone(),
                verdict: Verdict::Denied,
            })
        }
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
