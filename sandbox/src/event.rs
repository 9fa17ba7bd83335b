//! What the session's loop waits for, from both sides: the host's messages (read by the
//! frame reader thread) and the guest instance's lines and end (read by its threads).

use phicode_sessions::protocol::Envelope;

use crate::guest::watch::Stop;

/// One thing that happened.
#[derive(Debug)]
pub enum Event {
    /// A message from the host.
    Host(Envelope),
    /// The host's frame could not be decoded (the session goes on).
    Undecodable(String),
    /// The host closed its stream or broke the framing: the session ends.
    HostGone,
    /// Something from guest instance number `.0` (events of replaced instances are
    /// ignored).
    Guest(u64, GuestEvent),
}

/// Something the guest instance did.
#[derive(Debug)]
pub enum GuestEvent {
    /// A line the guest wrote to its stdout (the driver's channel to the host).
    Line(String),
    /// Text the guest wrote straight to its stderr (fd 2).
    Stderr(String),
    /// The instance is gone, all its lines delivered.
    Exited(Exit),
}

/// How an instance ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// The interpreter exited by itself with this status.
    Status(i32),
    /// The host or a limit stopped it.
    Stopped(Stop),
    /// It trapped (a crash of the interpreter, a stack overflow, ...).
    Crashed(String),
}
