//! The host side of the protocol: frames in (`reader`), frames out (`outbox`), and the
//! periodic `heartbeat`.

pub mod heartbeat;
pub mod outbox;
pub mod reader;
