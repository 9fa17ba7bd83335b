//! Messages to a peer that may not be reading right now: written at once as far as its pipe
//! takes them, the rest kept in order and written when the pipe has room again.
//!
//! The Python server is such a peer. Node writes to a pipe synchronously on Linux, so while
//! it waits for us to read a large answer it reads nothing; a blocking write of a large
//! `didOpen` into its full stdin would then wait for ever on a server waiting on us.

use std::io;
use std::os::fd::{AsFd, OwnedFd};

use super::pipe::write_some;

/// The write end of a pipe, made non-blocking, with what did not fit yet.
#[derive(Debug)]
pub struct Outbox {
    pipe: OwnedFd,
    /// Bytes accepted but not yet written, oldest first.
    waiting: Vec<u8>,
}

impl Outbox {
    /// Takes over `pipe` (the child's stdin) and makes its writes non-blocking.
    pub fn new(pipe: OwnedFd) -> io::Result<Self> {
        rustix::io::ioctl_fionbio(&pipe, true)?;
        Ok(Self { pipe, waiting: Vec::new() })
    }

    /// Queues `bytes` after what waits already and writes what the pipe takes.
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.waiting.is_empty() {
            let written = write_some(self.pipe.as_fd(), bytes)?;
            self.waiting.extend_from_slice(&bytes[written..]);
            return Ok(());
        }
        self.waiting.extend_from_slice(bytes);
        self.flush()
    }

    /// Writes what waits, as far as the pipe takes it (when poll says it has room).
    pub fn flush(&mut self) -> io::Result<()> {
        let written = write_some(self.pipe.as_fd(), &self.waiting)?;
        self.waiting.drain(..written);
        Ok(())
    }

    /// Whether bytes wait for room in the pipe (poll for writability then).
    pub fn is_waiting(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// The pipe, to poll.
    pub fn pipe(&self) -> &OwnedFd {
        &self.pipe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_full_pipe_refuses_waits_and_goes_later_in_order() {
        let (read, write) = rustix::pipe::pipe().unwrap();
        let mut outbox = Outbox::new(write).unwrap();
        // More than a pipe holds (64 KiB by default): part must wait.
        let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        outbox.send(&bytes).unwrap();
        assert!(outbox.is_waiting());
        outbox.send(b"after").unwrap();
        let mut got = Vec::new();
        let mut buffer = vec![0; 1 << 16];
        while got.len() < bytes.len() + 5 {
            let n = rustix::io::read(&read, &mut buffer[..]).unwrap();
            got.extend_from_slice(&buffer[..n]);
            outbox.flush().unwrap();
        }
        assert!(!outbox.is_waiting());
        assert_eq!(&got[..bytes.len()], &bytes[..]);
        assert_eq!(&got[bytes.len()..], b"after");
    }
}
