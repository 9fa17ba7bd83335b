//! The session's loop: one thread that owns the [`state::Session`] and acts on every
//! [`Event`] in arrival order (host messages, guest lines, instance ends), so the host
//! and the guest never wait for each other's locks. Data flows one way: `control` and
//! `replies` (with `answers`) change the state, `dispatch` starts queued work, `recovery`
//! replaces ended instances.

mod answers;
mod control;
mod dispatch;
mod recovery;
mod replies;
pub mod state;

use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use phicode_sessions::protocol::StreamName;

use crate::error::SandboxError;
use crate::event::{Event, GuestEvent};
use state::Session;

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The host sent `shutdown`.
    Shutdown,
    /// The host closed its stream (or broke the framing).
    HostGone,
}

/// Serves events until the session ends.
pub fn run(session: &mut Session) -> Result<Ended, SandboxError> {
    loop {
        dispatch::next(session);
        let event = match control::next_timer(session) {
            Some(at) => {
                match session.events.1.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(event) => event,
                    Err(RecvTimeoutError::Timeout) => {
                        control::timers(session);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(Ended::HostGone),
                }
            }
            None => match session.events.1.recv() {
                Ok(event) => event,
                Err(_) => return Ok(Ended::HostGone),
            },
        };
        match event {
            Event::Host(envelope) => control::host(session, envelope),
            Event::Undecodable(why) => {
                control::protocol_error(session, None, &format!("undecodable message: {why}"));
            }
            Event::HostGone => return Ok(Ended::HostGone),
            Event::Guest(generation, _) if generation != session.guest.generation => {}
            Event::Guest(_, GuestEvent::Line(line)) => replies::line(session, line),
            Event::Guest(_, GuestEvent::Stderr(mut text)) => {
                text.push('\n');
                replies::text_output(session, StreamName::Stderr, &text);
            }
            Event::Guest(_, GuestEvent::Exited(_)) if session.shutting => {
                return Ok(Ended::Shutdown);
            }
            Event::Guest(_, GuestEvent::Exited(exit)) => recovery::instance_ended(session, &exit)?,
        }
        if session.outbox.host_gone() {
            return Ok(Ended::HostGone);
        }
    }
}
