//! LSP messages over pipes, read and written by the server's one thread: poll says which
//! pipe has bytes, a read takes them, and whole messages come out of their framing.

mod client;
mod frames;
mod message;
mod outbox;
mod pipe;

pub use client::Client;
pub use frames::{Framed, Frames, encode};
pub use outbox::Outbox;
pub use pipe::{entry, poll, readable, writable};
