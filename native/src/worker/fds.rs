//! The worker's file descriptors. The protocol moves to private close-on-exec copies of
//! stdin and stdout, so neither Python code, a C library nor a child process can read
//! the host's messages or write into the frame stream; fd 0 becomes /dev/null, and fds 1
//! and 2 become pipes whose text is forwarded as `output` (so `os.system("ls")` and C-level
//! prints show up in the session).

use std::fs::File;
use std::io;
use std::os::fd::AsFd;

use nix::fcntl::OFlag;
use nix::unistd::{dup2_stderr, dup2_stdin, dup2_stdout, pipe2};

/// The descriptors the worker works with once [`take_over`] ran.
pub struct Fds {
    /// Frames from the host.
    pub protocol_in: File,
    /// Frames to the host.
    pub protocol_out: File,
    /// The original stderr: fatal diagnostics (faulthandler) for the host's logs.
    pub diagnostics: File,
    /// What is written to fd 1.
    pub captured_stdout: File,
    /// What is written to fd 2.
    pub captured_stderr: File,
}

fn clone(fd: impl AsFd) -> io::Result<File> {
    Ok(File::from(fd.as_fd().try_clone_to_owned()?))
}

fn capture(install: fn(&std::os::fd::OwnedFd) -> nix::Result<()>) -> io::Result<File> {
    let (read, write) = pipe2(OFlag::O_CLOEXEC)?;
    install(&write)?;
    Ok(File::from(read))
}

/// Rearranges fds 0, 1 and 2 as described in the module docs.
pub fn take_over() -> io::Result<Fds> {
    let protocol_in = clone(io::stdin())?;
    let protocol_out = clone(io::stdout())?;
    let diagnostics = clone(io::stderr())?;
    dup2_stdin(File::open("/dev/null")?)?;
    let captured_stdout = capture(|fd| dup2_stdout(fd))?;
    let captured_stderr = capture(|fd| dup2_stderr(fd))?;
    Ok(Fds { protocol_in, protocol_out, diagnostics, captured_stdout, captured_stderr })
}
