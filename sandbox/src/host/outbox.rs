//! Everything the sandbox sends to the host: whole frames, one writer at a time, ids
//! `w1, w2, ...`. A message too large for a frame becomes an `error` of kind `protocol`
//! (as in the native worker); a broken pipe marks the host gone.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use phicode_sessions::protocol::{
    Envelope, ErrorKind, ErrorMessage, Format, Message, Output, StreamName, encode, write_frame,
};

/// The largest `output` message; longer text is split (an eighth of a small frame limit
/// leaves room for JSON's worst-case escaping).
const CHUNK_LIMIT: usize = 1024 * 1024;

/// The sending side of the protocol.
pub struct Outbox {
    pipe: Mutex<Box<dyn Write + Send>>,
    format: Format,
    max_frame: u32,
    seq: AtomicU64,
    chunk_limit: usize,
    gone: AtomicBool,
}

impl Outbox {
    /// Sends through `pipe` in `format`, frames at most `max_frame` bytes.
    pub fn new(pipe: Box<dyn Write + Send>, format: Format, max_frame: u32) -> Self {
        Self {
            pipe: Mutex::new(pipe),
            format,
            max_frame,
            seq: AtomicU64::new(0),
            chunk_limit: CHUNK_LIMIT.min(max_frame as usize / 8).max(64),
            gone: AtomicBool::new(false),
        }
    }

    /// True once a write failed: nobody reads any more.
    pub fn host_gone(&self) -> bool {
        self.gone.load(Ordering::Relaxed)
    }

    /// Sends `body` with a fresh id.
    pub fn send(&self, body: Message) {
        let id = format!("w{}", self.seq.fetch_add(1, Ordering::Relaxed) + 1);
        self.send_with_id(id, body);
    }

    /// Sends `body` as message `id`.
    pub fn send_with_id(&self, id: String, body: Message) {
        let envelope = Envelope::new(id, body);
        let frame = encode(&envelope, self.format, self.max_frame).or_else(|e| {
            let about = envelope.body.execution_id().or(envelope.body.request_id());
            let text = format!("the worker could not send a {} message: {e}", envelope.body.kind());
            let note = ErrorMessage::synthetic(
                about.map(str::to_owned),
                ErrorKind::Protocol,
                "ProtocolError",
                &text,
            );
            encode(
                &Envelope::new(envelope.id.clone(), Message::Error(note)),
                self.format,
                self.max_frame,
            )
        });
        let Ok(frame) = frame else { return };
        let mut pipe = self.pipe.lock().unwrap_or_else(PoisonError::into_inner);
        if write_frame(&mut *pipe, &frame).is_err() {
            self.gone.store(true, Ordering::Relaxed);
        }
    }

    /// Sends `text` as `output` of `execution_id`, split to fit.
    pub fn output(&self, execution_id: Option<&str>, stream: StreamName, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let mut end = rest.len().min(self.chunk_limit);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            let (piece, tail) = rest.split_at(end);
            rest = tail;
            let execution_id = execution_id.map(str::to_owned);
            self.send(Message::Output(Output { execution_id, stream, data: piece.to_owned() }));
        }
    }
}
