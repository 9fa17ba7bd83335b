//! The host side: [`Session`] starts and supervises one `phicode worker` process, is the
//! single reader of its messages and routes them to the execution or request they belong
//! to; [`SessionPool`] keeps warm workers so new sessions start at once.
//!
//! Calls go one way: `session` and `requests` → `lifecycle` (starts workers, restarts after
//! a crash) → `supervise` (reads one worker, returns why it is gone) → `route` (→ `calls`,
//! the capability host) → `deliver` → `shared` (the narrow API over `state`, `observers`
//! and the pipe), which calls none of them back.

mod calls;
mod config;
mod deliver;
mod error;
mod event;
pub mod files;
mod lifecycle;
mod observers;
mod pool;
mod replay;
mod requests;
mod route;
mod session;
mod shared;
mod spawn;
mod state;
mod supervise;

pub use config::SessionConfig;
pub use error::SessionError;
pub use event::{Collected, Event, Execution};
pub use observers::Direction;
pub use phicode_security::{Level, Limits};
pub use pool::{PoolConfig, PooledSession, SessionPool};
pub use session::Session;
pub use supervise::STDERR_TAIL_MARKER;
