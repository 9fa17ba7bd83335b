//! The server's one thread: poll waits on the editor and on the Python server at once, and
//! each whole message goes to its handler with the documents as they are. No thread hands
//! messages over, so a forwarded request costs the two pipes and nothing more.

use lsp_server::{ErrorCode, Message, Response};
use rustix::event::PollFlags;

use crate::error::Error;
use crate::python::PythonServer;
use crate::server::Server;
use crate::wire;

/// Which pipes poll found ready.
struct Ready {
    /// The editor sent something (or went away).
    client: bool,
    /// The Python server sent something (or exited).
    python: bool,
    /// The Python server's stdin has room for what waits.
    room: bool,
}

impl Server<'_> {
    /// Serves until the editor says `exit` (or goes away).
    pub fn run(&mut self) -> Result<(), Error> {
        loop {
            let ready = self.wait()?;
            if ready.room
                && let Some(python) = self.python.as_mut()
            {
                python.flush();
            }
            if ready.python {
                self.take_python_messages();
            }
            if ready.client {
                if !self.client.read()? {
                    return Ok(());
                }
                if !self.take_client_messages()? {
                    return Ok(());
                }
            }
        }
    }

    fn wait(&self) -> Result<Ready, Error> {
        let client = self.client.fd();
        let mut fds = vec![wire::entry(&client, PollFlags::IN)];
        fds.extend(self.python.as_ref().map(PythonServer::poll_entries).unwrap_or_default());
        wire::poll(&mut fds, None)?;
        let (python, room) = PythonServer::found(&fds[1..]);
        Ok(Ready { client: wire::readable(&fds[0]), python, room })
    }

    /// Handles the editor's whole messages; `false` once it said `exit`.
    fn take_client_messages(&mut self) -> Result<bool, Error> {
        while let Some(framed) = self.client.next()? {
            let message = match framed {
                Ok(message) => message,
                // Nothing to answer without an id; the editor's log shows it.
                Err(problem) => {
                    eprintln!("phicode lsp: {problem}");
                    continue;
                }
            };
            match message {
                Message::Request(r) if r.method == "shutdown" => {
                    self.shutting_down = true;
                    self.send(Response::new_ok(r.id, ()));
                }
                Message::Request(r) if self.shutting_down => {
                    let message = format!("{} after shutdown", r.method);
                    self.refuse(r.id, ErrorCode::InvalidRequest, message);
                }
                Message::Request(request) => self.on_request(request),
                Message::Notification(n) if n.method == "exit" => return Ok(false),
                Message::Notification(n) => self.on_notification(n),
                Message::Response(_) => {}
            }
        }
        Ok(true)
    }

    /// Reads and handles what the Python server sent; a server that exited, or whose
    /// stream broke, is let go.
    fn take_python_messages(&mut self) {
        let Some(python) = self.python.as_mut() else { return };
        if !python.read().unwrap_or(false) {
            return self.python_died();
        }
        loop {
            let Some(python) = self.python.as_mut() else { return };
            match python.next() {
                Ok(Some(Ok(message))) => self.on_python(message),
                Ok(Some(Err(problem))) => eprintln!("phicode lsp: the Python server: {problem}"),
                Ok(None) => return,
                Err(e) => {
                    eprintln!("phicode lsp: the Python server: {e}");
                    return self.python_died();
                }
            }
        }
    }
}
