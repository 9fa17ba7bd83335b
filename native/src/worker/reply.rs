//! Messages the worker makes on its own: protocol errors and request failures.

use phicode_sessions::protocol::{Envelope, ErrorKind, ErrorMessage, Message};

/// An `error` of kind `kind` about request `request_id`.
pub fn failure(
    request_id: Option<String>,
    kind: ErrorKind,
    kind_name: &str,
    message: String,
) -> Message {
    Message::Error(ErrorMessage::synthetic(request_id, kind, kind_name, &message))
}

/// The `error` sent instead of a message that could not be encoded (too large, ...).
pub fn protocol_error(failed: &Envelope, why: &str) -> Envelope {
    let about = failed.body.execution_id().or(failed.body.request_id()).map(str::to_owned);
    let text = format!("the worker could not send a {} message: {why}", failed.body.kind());
    Envelope::new(failed.id.clone(), failure(about, ErrorKind::Protocol, "ProtocolError", text))
}
