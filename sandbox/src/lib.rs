//! The SANDBOX security level: a session worker whose Python is CPython compiled for WASI,
//! run by wasmtime, speaking the session protocol of `sessions/PROTOCOL.md` like the
//! native worker. See this crate's `README.md` for the guest protocol, the limits, the
//! module cache and what enforces what.
//!
//! Data flows one way: [`serve`] sets up the `guest` runtime and the `host` streams and
//! runs the `session` loop, which reads `event`s and uses `convert` and `files`.

pub mod cache;
mod convert;
mod driver;
mod error;
pub mod event;
mod files;
pub mod guest;
mod host;
pub mod locate;
mod options;
mod scratch;
mod serve;
mod session;

pub use error::SandboxError;
pub use options::{DEFAULT_CELL_TIME, DEFAULT_MEMORY, DEFAULT_OUTPUT, Limits, Options};
pub use serve::{CAPABILITIES, serve};
pub use session::Ended;
