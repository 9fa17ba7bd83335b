//! The host side: [`Session`] starts and supervises one `phicode worker` process, is the
//! single reader of its messages and routes them to the execution or request they belong
//! to; [`SessionPool`] keeps warm workers so new sessions start at once.

mod config;
mod error;
mod event;
mod pool;
mod requests;
mod session;
mod shared;
mod spawn;
mod state;
mod supervise;

pub use config::{Limits, SessionConfig};
pub use error::SessionError;
pub use event::{Collected, Event, Execution};
pub use pool::{PoolConfig, PooledSession, SessionPool};
pub use session::Session;
pub use state::Direction;
