//! LSP's framing over a byte stream: bytes go in as a pipe gives them, whole messages come
//! out (headers, an empty line, then `Content-Length` bytes of JSON).

use std::io;
use std::os::fd::BorrowedFd;

use lsp_server::Message;
use rustix::buffer::spare_capacity;
use rustix::io::Errno;

use crate::error::FrameError;

/// Past this a message is refused rather than waited for: a peer announcing gigabytes is
/// broken or hostile, and buffering them would exhaust memory. A whole φ file opened in
/// the editor stays far below (64 MiB is about two million lines).
pub const MAX_MESSAGE: usize = 64 << 20;

/// How much room one read gets: a pipe's default capacity, so a full pipe empties at once.
const READ_CHUNK: usize = 64 << 10;

/// Headers are a line or two; this many bytes without their end is not LSP.
const MAX_HEADER: usize = 8 << 10;

/// One message out of the stream: it parsed, or its JSON did not (the framing held, so the
/// stream goes on; the text says what was wrong).
pub type Framed = Result<Message, String>;

/// The bytes read so far and not yet taken as messages.
#[derive(Debug, Default)]
pub struct Frames {
    buffer: Vec<u8>,
}

impl Frames {
    /// Adds bytes (the tests' pipe).
    #[cfg(test)]
    fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Reads what `fd` holds (one read, which poll said will not block) straight into the
    /// buffer; `false` when the stream has ended.
    pub fn read_from(&mut self, fd: BorrowedFd<'_>) -> io::Result<bool> {
        self.buffer.reserve(READ_CHUNK);
        loop {
            match rustix::io::read(fd, spare_capacity(&mut self.buffer)) {
                Ok(n) => return Ok(n > 0),
                Err(Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The next whole message, `None` until one has arrived.
    pub fn next(&mut self) -> Result<Option<Framed>, FrameError> {
        let Some((body, end)) = self.first()? else { return Ok(None) };
        let parsed = super::message::parse(&self.buffer[body..end]);
        self.buffer.drain(..end);
        Ok(Some(parsed))
    }

    /// Where the first message's body starts and where it ends, once all of it has come.
    fn first(&self) -> Result<Option<(usize, usize)>, FrameError> {
        let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") else {
            return match self.buffer.len() > MAX_HEADER {
                true => Err(FrameError::EndlessHeader),
                false => Ok(None),
            };
        };
        let length = content_length(&self.buffer[..end]).ok_or(FrameError::NoLength)?;
        if length > MAX_MESSAGE {
            return Err(FrameError::TooLong { length, limit: MAX_MESSAGE });
        }
        let body = end + 4;
        Ok((self.buffer.len() >= body + length).then_some((body, body + length)))
    }
}

/// The `Content-Length` of a header block (names are case-insensitive, others ignored).
fn content_length(headers: &[u8]) -> Option<usize> {
    let headers = std::str::from_utf8(headers).ok()?;
    headers.split("\r\n").find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-length").then(|| value.trim().parse().ok())?
    })
}

/// A message in LSP's framing, as one buffer (so it goes out in one write).
pub fn encode(message: &Message) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and every Message serializes.
    let _ = message.write(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::Notification;

    fn frame(json: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{json}", json.len()).into_bytes()
    }

    #[test]
    fn messages_come_out_whole_however_the_bytes_arrive() {
        let one = frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        let two = encode(&Notification::new("exit".into(), ()).into());
        let bytes = [one, two].concat();
        let mut frames = Frames::default();
        let mut methods = Vec::new();
        // A byte at a time: the worst a pipe can do.
        for byte in bytes {
            frames.push(&[byte]);
            while let Some(message) = frames.next().unwrap() {
                let Ok(Message::Notification(n)) = message else { panic!("{message:?}") };
                methods.push(n.method);
            }
        }
        assert_eq!(methods, ["initialized", "exit"]);
    }

    #[test]
    fn bad_json_is_skipped_and_the_stream_goes_on() {
        let mut frames = Frames::default();
        frames.push(&frame("{not json"));
        frames.push(b"content-length:2\r\nContent-Type: x\r\n\r\n{}");
        frames.push(&frame(r#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        assert!(frames.next().unwrap().unwrap().is_err());
        assert!(frames.next().unwrap().unwrap().is_err(), "{{}} is no message");
        assert!(matches!(frames.next(), Ok(Some(Ok(Message::Response(_))))));
        assert!(matches!(frames.next(), Ok(None)));
    }

    #[test]
    fn broken_framing_is_an_error() {
        let mut frames = Frames::default();
        frames.push(b"Content-Type: x\r\n\r\n{}");
        assert_eq!(frames.next().err(), Some(FrameError::NoLength));
        let mut frames = Frames::default();
        frames.push(b"Content-Length: 99999999999\r\n\r\n");
        assert_eq!(
            frames.next().err(),
            Some(FrameError::TooLong { length: 99_999_999_999, limit: MAX_MESSAGE })
        );
        let mut frames = Frames::default();
        frames.push(&vec![b'x'; MAX_HEADER + 1]);
        assert_eq!(frames.next().err(), Some(FrameError::EndlessHeader));
    }

    proptest::proptest! {
        /// Whatever the editor or the Python server sends, framing answers without panicking.
        #[test]
        fn no_bytes_make_framing_panic(
            chunks in proptest::collection::vec(proptest::collection::vec(0u8.., 0..80), 0..12),
            bodies in proptest::collection::vec(proptest::collection::vec(0u8.., 0..80), 0..4),
        ) {
            let mut frames = Frames::default();
            // Well-framed bodies of any bytes (the JSON parser's turn), then any bytes at all.
            for body in &bodies {
                frames.push(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
                frames.push(body);
                proptest::prop_assert!(frames.next().is_ok_and(|m| m.is_some()));
            }
            for chunk in &chunks {
                frames.push(chunk);
                while let Ok(Some(_)) = frames.next() {}
            }
        }

        /// Messages come out whole and in order wherever the pipe splits their bytes.
        #[test]
        fn any_split_gives_the_same_messages(
            methods in proptest::collection::vec("[a-zA-Z/$]{1,16}", 1..6),
            cuts in proptest::collection::vec(0usize..2000, 0..10),
        ) {
            let bytes: Vec<u8> = methods
                .iter()
                .flat_map(|m| encode(&Notification::new(m.clone(), ()).into()))
                .collect();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (bytes.len() + 1)).collect();
            cuts.extend([0, bytes.len()]);
            cuts.sort_unstable();
            let mut frames = Frames::default();
            let mut seen = Vec::new();
            for pair in cuts.windows(2) {
                frames.push(&bytes[pair[0]..pair[1]]);
                while let Some(message) = frames.next().unwrap() {
                    let Ok(Message::Notification(n)) = message else { panic!("{message:?}") };
                    seen.push(n.method);
                }
            }
            proptest::prop_assert_eq!(seen, methods);
        }
    }
}
