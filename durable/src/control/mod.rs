//! The control socket: how `phicode promise` reaches the durable sessions running on this
//! machine. Each live session listens on `<runtime dir>/hosts/<session>.sock` (the runtime
//! dir is `$XDG_RUNTIME_DIR/phicode`, else `<temp>/phicode-<uid>`, private to the user) and
//! answers one JSON request per line: list its open questions, or settle one by id.

mod client;
mod place;
mod remote;
mod server;
mod wire;

pub use crate::open::Open;
pub use client::{Host, host_of, hosts};
pub use place::hosts_dir;
pub use remote::{open_on_server, settle_on_server};
pub use server::Listener;
pub use wire::{Request, Response};
