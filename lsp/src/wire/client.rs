//! The editor's side of the connection: messages read from standard input when poll finds
//! bytes there, answers written to standard output by the server's one thread. No thread
//! sits between the editor and the server, so a round trip costs no hand-over.

use std::io::{self, Stdin, Stdout};
use std::os::fd::{AsFd, BorrowedFd};

use lsp_server::{ErrorCode, Message, RequestId, Response};
use serde_json::Value;

use super::frames::{Framed, Frames, encode};
use super::pipe::{wait_readable, write_all};
use crate::error::{Error, FrameError};

/// The editor, over standard input and output.
#[derive(Debug)]
pub struct Client {
    stdin: Stdin,
    /// What has come in and is not yet a whole message.
    frames: Frames,
    stdout: Stdout,
}

impl Client {
    /// The editor on this process's standard streams.
    pub fn stdio() -> Self {
        Self { stdin: io::stdin(), frames: Frames::default(), stdout: io::stdout() }
    }

    /// Standard input, to poll.
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.stdin.as_fd()
    }

    /// Reads what standard input holds (poll said it has bytes); `false` at its end.
    pub fn read(&mut self) -> io::Result<bool> {
        // Straight from the descriptor: std's buffer would hide bytes from poll.
        self.frames.read_from(self.stdin.as_fd())
    }

    /// The next whole message read.
    pub fn next(&mut self) -> Result<Option<Framed>, FrameError> {
        self.frames.next()
    }

    /// Sends `message` (a closed connection shows as standard input ending).
    pub fn send(&self, message: impl Into<Message>) {
        let bytes = encode(&message.into());
        // Held for the write, so nothing else printed can land inside a message.
        let out = self.stdout.lock();
        let _ = write_all(out.as_fd(), &bytes);
    }

    /// Waits for the editor's `initialize`: its id and parameters. Other requests before it
    /// are refused, as the protocol says; notifications are dropped.
    pub fn initialize(&mut self) -> Result<(RequestId, Value), Error> {
        loop {
            let message = match self.next()? {
                Some(Ok(message)) => message,
                Some(Err(problem)) => {
                    eprintln!("phicode lsp: {problem}");
                    continue;
                }
                None => {
                    wait_readable(self.fd())?;
                    if !self.read()? {
                        return Err(Error::Gone);
                    }
                    continue;
                }
            };
            match message {
                Message::Request(r) if r.method == "initialize" => return Ok((r.id, r.params)),
                Message::Request(r) => self.send(Response::new_err(
                    r.id,
                    ErrorCode::ServerNotInitialized as i32,
                    format!("{} before initialize", r.method),
                )),
                Message::Notification(n) if n.method == "exit" => return Err(Error::Gone),
                _ => {}
            }
        }
    }
}
