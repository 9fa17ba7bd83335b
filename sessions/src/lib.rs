//! Interactive Python and φ sessions.
//!
//! - [`protocol`]: the messages and frames between a host and a `phicode worker` process.
//! - [`host`]: the tokio [`Session`](host::Session) that runs and supervises one worker,
//!   and the [`SessionPool`](host::SessionPool) of warm ones.

pub mod host;
pub mod protocol;
