//! The Python language server as a child process speaking LSP over its stdin and stdout,
//! both polled by the server's one thread: its answers are read when they arrive, and what
//! is written to it never blocks (see `wire::Outbox` for why).

use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Instant;

use lsp_server::{Message, Notification, Request, RequestId, Response};
use rustix::event::{PollFd, PollFlags};
use serde::Serialize;

use crate::error::{Error, FrameError};
use crate::wire::{self, Framed, Frames, Outbox};

/// A running Python language server.
pub struct PythonServer {
    child: Child,
    stdin: Outbox,
    stdout: ChildStdout,
    /// What it has sent and is not yet a whole message.
    frames: Frames,
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
        let stdin = Outbox::new(OwnedFd::from(stdin))?;
        Ok(Self { child, stdin, stdout, frames: Frames::default(), next_id: 1 })
    }

    /// Sends a request; its answer comes with the returned id.
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
        // A dead server shows as its stdout ending; the editor keeps the φ features.
        let _ = self.stdin.send(&wire::encode(&message));
    }

    /// Its pipes as poll entries: stdout for its messages, then stdin while messages wait
    /// for room there (read them back with [`Self::found`]).
    pub fn poll_entries(&self) -> Vec<PollFd<'_>> {
        let mut fds = vec![PollFd::new(&self.stdout, PollFlags::IN)];
        if self.stdin.is_waiting() {
            fds.push(PollFd::new(self.stdin.pipe(), PollFlags::OUT));
        }
        fds
    }

    /// What poll found of [`Self::poll_entries`]: whether it sent something (or ended), and
    /// whether its stdin has room for what waits.
    pub fn found(entries: &[PollFd<'_>]) -> (bool, bool) {
        (entries.first().is_some_and(wire::readable), entries.get(1).is_some_and(wire::writable))
    }

    /// Writes what waits for its stdin, as far as there is room.
    pub fn flush(&mut self) {
        let _ = self.stdin.flush();
    }

    /// Reads what its stdout holds (poll said it has bytes); `false` once it has ended.
    pub fn read(&mut self) -> io::Result<bool> {
        self.frames.read_from(self.stdout.as_fd())
    }

    /// The next whole message it sent.
    pub fn next(&mut self) -> Result<Option<Framed>, FrameError> {
        self.frames.next()
    }

    /// Waits for its next message until `deadline` (for the handshake, before the loop).
    pub fn recv_until(&mut self, deadline: Instant) -> Result<Message, Error> {
        let late = || Error::PythonInitialize("no answer in time".into());
        loop {
            match self.next().map_err(|e| Error::PythonInitialize(e.to_string()))? {
                Some(Ok(message)) => return Ok(message),
                Some(Err(problem)) => return Err(Error::PythonInitialize(problem)),
                None => {}
            }
            let left = deadline.checked_duration_since(Instant::now()).ok_or_else(late)?;
            let mut fds = self.poll_entries();
            wire::poll(&mut fds, Some(left))?;
            let (ready, room) = Self::found(&fds);
            drop(fds);
            if room {
                self.flush();
            }
            if ready && !self.read()? {
                return Err(Error::PythonInitialize("it exited".into()));
            }
        }
    }
}

impl Drop for PythonServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
