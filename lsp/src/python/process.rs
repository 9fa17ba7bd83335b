//! The Python language server as a child process speaking LSP over its stdin and stdout:
//! a thread reads its messages into a channel, so the server's loop waits on the editor
//! and on it alike, and writes never block on a full pipe of unread answers.

use std::io::{BufReader, BufWriter, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use crossbeam_channel::{Receiver, unbounded};
use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde::Serialize;

use crate::error::Error;

/// A running Python language server.
pub struct PythonServer {
    child: Child,
    stdin: BufWriter<ChildStdin>,
    /// Everything it sends, in order; closed when it exits.
    pub receiver: Receiver<Message>,
    next_id: i32,
}

impl PythonServer {
    /// Starts `command` (program and arguments).
    pub fn spawn(command: &[String]) -> Result<Self, Error> {
        let (program, args) = command.split_first().ok_or(Error::NoPythonServer)?;
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| Error::Spawn { program: program.clone(), source })?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(Error::NoPythonServer);
        };
        let (sender, receiver) = unbounded();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(message)) = Message::read(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Ok(Self { child, stdin: BufWriter::new(stdin), receiver, next_id: 1 })
    }

    /// Sends a request; its answer comes through `receiver` with the returned id.
    pub fn request(&mut self, method: &str, params: impl Serialize) -> RequestId {
        let id = RequestId::from(self.next_id);
        self.next_id = self.next_id.wrapping_add(1);
        self.send(Request::new(id.clone(), method.to_string(), params).into());
        id
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: impl Serialize) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    /// Answers one of its requests.
    pub fn respond(&mut self, response: Response) {
        self.send(response.into());
    }

    fn send(&mut self, message: Message) {
        // A dead server shows as its channel closing; the editor keeps the φ features.
        let _ = message.write(&mut self.stdin).and_then(|()| self.stdin.flush());
    }
}

impl Drop for PythonServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
