//! Everything the worker sends: frames to the host, one writer at a time, and the output
//! buffer in front of them. Output is merged into chunks and flushed after a short delay
//! (so a flood of prints becomes few frames), at once before any other message (so output
//! always precedes the result), and by the writing thread itself past a high-water mark:
//! a slow host blocks the printing code instead of growing memory.

use std::fs::File;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use phicode_sessions::protocol::{Envelope, Format, Message, Output, StreamName, encode};

use super::reply::protocol_error;

/// Pending output past this many bytes is written by the thread that produced it.
const HIGH_WATER: usize = 64 * 1024;
/// The largest `output` message; longer writes are split (smaller under a small frame
/// limit: an eighth of it leaves room for JSON's worst-case escaping).
const CHUNK_LIMIT: usize = 1024 * 1024;
/// How long the flusher lets output gather before sending it.
const FLUSH_DELAY: Duration = Duration::from_millis(2);

struct Chunk {
    execution_id: Option<Arc<str>>,
    stream: StreamName,
    data: String,
}

#[derive(Default)]
struct Pending {
    chunks: Vec<Chunk>,
    bytes: usize,
}

/// The worker's sending side.
pub struct Outbox {
    /// Output written but not sent yet. Lock order: `pipe` before `pending`.
    pending: Mutex<Pending>,
    /// Wakes the flusher when output arrives.
    wake: Condvar,
    /// The protocol's pipe to the host: whoever holds it writes whole frames.
    pipe: Mutex<File>,
    /// The frame encoding the host chose.
    format: Format,
    /// The largest frame the host accepts.
    max_frame: u32,
    /// The last message id used (`w1`, `w2`, ...).
    seq: AtomicU64,
    /// The largest `output` message (see `CHUNK_LIMIT`).
    chunk_limit: usize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Outbox {
    /// Sends through `pipe` (the host's end of the protocol).
    pub fn new(pipe: File, format: Format, max_frame: u32) -> Self {
        Self {
            pending: Mutex::default(),
            wake: Condvar::new(),
            pipe: Mutex::new(pipe),
            format,
            max_frame,
            seq: AtomicU64::new(0),
            chunk_limit: CHUNK_LIMIT.min(max_frame as usize / 8).max(64),
        }
    }

    /// The frame encoding.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The largest frame.
    pub fn max_frame(&self) -> u32 {
        self.max_frame
    }

    /// A fresh message id (`w1`, `w2`, ...).
    pub fn next_id(&self) -> String {
        format!("w{}", self.seq.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Queues output; returns true when the caller should [`flush`](Self::flush) now.
    pub fn push(&self, execution_id: Option<Arc<str>>, stream: StreamName, text: &str) -> bool {
        if text.is_empty() {
            return false;
        }
        let mut pending = lock(&self.pending);
        pending.bytes += text.len();
        match pending.chunks.last_mut() {
            Some(last)
                if last.stream == stream
                    && last.execution_id == execution_id
                    && last.data.len() + text.len() <= self.chunk_limit =>
            {
                last.data.push_str(text);
            }
            _ => pending.chunks.push(Chunk { execution_id, stream, data: text.to_owned() }),
        }
        let full = pending.bytes >= HIGH_WATER;
        drop(pending);
        self.wake.notify_one();
        full
    }

    /// Writes all pending output now.
    pub fn flush(&self) {
        let mut pipe = lock(&self.pipe);
        self.write_pending(&mut pipe);
    }

    /// Writes pending output, then `body` in a message with a fresh id.
    pub fn send(&self, body: Message) {
        let mut pipe = lock(&self.pipe);
        self.write_pending(&mut pipe);
        let id = self.next_id();
        self.write(&mut pipe, &Envelope::new(id, body));
    }

    /// Writes pending output, then `body` as message `id`.
    pub fn send_with_id(&self, id: String, body: Message) {
        let mut pipe = lock(&self.pipe);
        self.write_pending(&mut pipe);
        self.write(&mut pipe, &Envelope::new(id, body));
    }

    /// The flusher thread's loop: waits for output, lets it gather briefly, sends it.
    pub fn run_flusher(&self) {
        loop {
            let mut pending = lock(&self.pending);
            while pending.bytes == 0 {
                pending = self.wake.wait(pending).unwrap_or_else(PoisonError::into_inner);
            }
            drop(pending);
            std::thread::sleep(FLUSH_DELAY);
            self.flush();
        }
    }

    // The pipe lock is held while pending output is taken: whoever holds it sends
    // everything queued before, so output leaves in the order it was written.
    fn write_pending(&self, pipe: &mut File) {
        let chunks = {
            let mut pending = lock(&self.pending);
            pending.bytes = 0;
            std::mem::take(&mut pending.chunks)
        };
        for chunk in chunks {
            let body = Message::Output(Output {
                execution_id: chunk.execution_id.map(|e| e.to_string()),
                stream: chunk.stream,
                data: chunk.data,
            });
            self.write(pipe, &Envelope::new(self.next_id(), body));
        }
    }

    fn write(&self, pipe: &mut File, envelope: &Envelope) {
        let frame = match encode(envelope, self.format, self.max_frame) {
            Ok(frame) => frame,
            Err(e) => {
                // Too large or unencodable: the host still learns what happened.
                let note = protocol_error(envelope, &e.to_string());
                match encode(&note, self.format, self.max_frame) {
                    Ok(frame) => frame,
                    Err(_) => return,
                }
            }
        };
        if pipe.write_all(&frame).is_err() {
            // The host is gone: nothing left to work for.
            std::process::exit(0);
        }
    }

    /// Splits `text` at character boundaries into pieces that fit one `output` message.
    pub fn pieces<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        let limit = self.chunk_limit;
        let mut rest = text;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let mut end = rest.len().min(limit);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            let (piece, tail) = rest.split_at(end);
            rest = tail;
            Some(piece)
        })
    }
}
