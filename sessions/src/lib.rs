//! Interactive Python and φ sessions.
//!
//! - [`protocol`]: the messages and frames between a host and a `phicode worker` process.
//! - [`host`]: the tokio [`Session`](host::Session) that runs and supervises one worker,
//!   and the [`SessionPool`](host::SessionPool) of warm ones.
//! - [`repl`]: `phicode repl`, an interactive terminal on a session.
//!
//! The worker is `native/src/worker/`, the hidden `phicode worker` subcommand; no libpython here.

pub mod host;
pub mod protocol;
pub mod repl;
