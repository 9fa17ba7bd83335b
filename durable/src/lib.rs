//! Durable sessions: a [`DurableSession`] records each execution of a `phicode-sessions`
//! [`Session`](phicode_sessions::host::Session) in a Resonate durable promise named by the
//! execution id, so the same id never runs twice and its outcome is recorded before the
//! caller sees it; and it answers `input()` through durable promises anyone can settle by
//! id. Promises are the SDK's: in process (`Resonate::local()`) or on a Resonate server.

mod config;
pub mod control;
mod error;
mod functions;
mod ids;
mod invoke;
mod live;
mod open;
mod outcome;
mod pool;
mod questions;
mod record;
mod recovery;
pub mod repl;
mod running;
mod session;
mod state;

pub use config::{Durability, DurableConfig};
pub use error::DurableError;
pub use outcome::{End, Outcome};
pub use pool::{DurablePool, PooledDurableSession};
pub use recovery::{Checkpointed, OnCrash, Restored};
pub use session::DurableSession;
pub use state::{StateDir, Taken, phicode_state_dir, sessions_dir};
