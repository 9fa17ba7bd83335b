//! The reader thread: the one reader of the host's frames, turning them into events for
//! the session's loop (which acts on `interrupt` at once, whatever the guest is doing).

use std::io::{BufReader, Read};
use std::sync::mpsc::Sender;

use phicode_sessions::protocol::{Format, decode, read_frame};

use crate::event::Event;

/// Large enough that a burst of small frames is one read.
const READ_BUFFER: usize = 64 * 1024;

/// Starts the thread; it ends when the host closes its stream or breaks the framing.
pub fn start(
    pipe: impl Read + Send + 'static,
    format: Format,
    max_frame: u32,
    events: Sender<Event>,
) -> std::io::Result<()> {
    let mut reader = BufReader::with_capacity(READ_BUFFER, pipe);
    std::thread::Builder::new().name("sandbox-reader".into()).spawn(move || {
        loop {
            let event = match read_frame(&mut reader, max_frame) {
                Ok(Some(payload)) => match decode(&payload, format) {
                    Ok(envelope) => Event::Host(envelope),
                    Err(e) => Event::Undecodable(e.to_string()),
                },
                Ok(None) | Err(_) => Event::HostGone,
            };
            let gone = matches!(event, Event::HostGone);
            if events.send(event).is_err() || gone {
                return;
            }
        }
    })?;
    Ok(())
}
