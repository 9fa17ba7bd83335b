//! The system calls under the wire: poll over pipes, and writes that say how far they got.

use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;

/// Writes all of `bytes` to `fd` in as few writes as the pipe allows (a message split over
/// two writes wakes its reader twice), waiting for room if `fd` is non-blocking after all.
pub fn write_all(fd: BorrowedFd<'_>, mut bytes: &[u8]) -> io::Result<()> {
    loop {
        bytes = &bytes[write_some(fd, bytes)?..];
        if bytes.is_empty() {
            return Ok(());
        }
        poll(&mut [PollFd::new(&fd, PollFlags::OUT)], None)?;
    }
}

/// Writes as much of `bytes` as `fd` takes now (all of it, if `fd` blocks); how much.
pub fn write_some(fd: BorrowedFd<'_>, mut bytes: &[u8]) -> io::Result<usize> {
    let total = bytes.len();
    while !bytes.is_empty() {
        match rustix::io::write(fd, bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(Errno::AGAIN) => break,
            Err(Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(total - bytes.len())
}

/// Waits until `fd` has bytes (or has ended).
pub fn wait_readable(fd: BorrowedFd<'_>) -> io::Result<()> {
    poll(&mut [PollFd::new(&fd, PollFlags::IN)], None).map(|_| ())
}

/// `poll(2)` over `fds`, for at most `timeout` (`None`: until one is ready); whether one
/// was. Interruptions by signals are waited through.
pub fn poll(fds: &mut [PollFd<'_>], timeout: Option<Duration>) -> io::Result<bool> {
    // Past what a Timespec holds is for ever.
    let timeout = timeout.and_then(|t| Timespec::try_from(t).ok());
    loop {
        match rustix::event::poll(fds, timeout.as_ref()) {
            Ok(n) => return Ok(n > 0),
            Err(Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
}

/// Whether poll found `fd` readable, or ended (a read then says which).
pub fn readable(fd: &PollFd<'_>) -> bool {
    fd.revents().intersects(PollFlags::IN | PollFlags::HUP | PollFlags::ERR)
}

/// Whether poll found `fd` writable, or broken (a write then says so).
pub fn writable(fd: &PollFd<'_>) -> bool {
    fd.revents().intersects(PollFlags::OUT | PollFlags::HUP | PollFlags::ERR)
}

/// Keeps `fd` borrowed as a poll entry for `flags`.
pub fn entry<'f>(fd: &'f impl AsFd, flags: PollFlags) -> PollFd<'f> {
    PollFd::new(fd, flags)
}
