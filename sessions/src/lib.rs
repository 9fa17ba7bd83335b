//! Interactive Python and φ sessions.
//!
//! - [`protocol`]: the messages and frames between a host and a `phicode worker` process.
//! - [`host`]: the tokio [`Session`](host::Session) that runs and supervises one worker,
//!   and the [`SessionPool`](host::SessionPool) of warm ones.
//!
//! The worker is `native/src/worker/`, the hidden `phicode worker` subcommand; no libpython here.
//! Durability and `phicode repl` build on this crate in `phicode-durable` (`durable/`).

pub mod host;
pub mod protocol;
