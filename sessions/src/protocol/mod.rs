//! The wire protocol between a host and a `phicode worker` process (see `PROTOCOL.md`):
//! message types and length-prefixed frames over the worker's stdin and stdout.

mod approval;
mod calls;
mod execution;
mod frame;
mod message;
mod requests;
mod synthetic;

pub use frame::{
    DEFAULT_MAX_FRAME, Format, FrameError, decode, encode, read_frame, read_frame_async,
    write_frame,
};
pub use message::*;

#[cfg(test)]
mod tests;
