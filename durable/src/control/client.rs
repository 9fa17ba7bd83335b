//! `phicode promise`'s end of the control socket: finding the live sessions and asking them.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::time::Duration;

use super::place::hosts_dir;
use super::wire::{Request, Response};

/// How long a host may take to answer (it answers from memory).
const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// A live session's control socket.
#[derive(Debug, Clone)]
pub struct Host {
    /// The socket.
    pub path: PathBuf,
}

/// The sessions with a control socket; sockets nobody listens on any more (their session
/// was killed) are removed.
pub fn hosts() -> Vec<Host> {
    let Ok(entries) = std::fs::read_dir(hosts_dir()) else { return Vec::new() };
    let mut found: Vec<Host> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "sock"))
        .filter(|p| {
            let alive = UnixStream::connect(p).is_ok();
            if !alive {
                let _ = std::fs::remove_file(p);
            }
            alive
        })
        .map(|path| Host { path })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// The live session named `id`, if one is running on this machine.
pub fn host_of(id: &str) -> Option<Host> {
    let path = hosts_dir().join(format!("{id}.sock"));
    UnixStream::connect(&path).is_ok().then_some(Host { path })
}

impl Host {
    /// Sends `request` and reads the answer.
    pub fn ask(&self, request: &Request) -> std::io::Result<Response> {
        let mut stream = UnixStream::connect(&self.path)?;
        stream.set_read_timeout(Some(ANSWER_WITHIN))?;
        let mut line = serde_json::to_string(request).map_err(std::io::Error::other)?;
        line.push('\n');
        stream.write_all(line.as_bytes())?;
        let mut answer = String::new();
        BufReader::new(stream).read_line(&mut answer)?;
        serde_json::from_str(&answer).map_err(std::io::Error::other)
    }
}
