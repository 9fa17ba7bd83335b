//! What code in a session may do, and how the operating system holds it to that.
//!
//! - [`Level`]: SANDBOX < RESTRICTED < STANDARD < TRUSTED < UNRESTRICTED.
//! - [`Limits`]: the rlimits a level sets.
//! - [`confine`]: Landlock, seccomp and rlimits, applied by a native worker to itself.

pub mod confine;
mod level;
mod limits;

pub use level::{Level, UnknownLevel};
pub use limits::Limits;
