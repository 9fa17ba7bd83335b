//! What code in a session may do, and how the operating system holds it to that.
//!
//! - [`Level`]: SANDBOX < RESTRICTED < STANDARD < TRUSTED < UNRESTRICTED.
//! - [`policy`]: the [`Grant`](policy::Grant) each level gives, from a policy file.
//! - [`capability`]: what the host does on a cell's behalf, and custom capabilities.
//! - [`audit`]: the JSON-lines audit log.
//! - [`confine`]: Landlock, seccomp and rlimits, applied by a native worker to itself.
//! - [`Limits`]: the rlimits a level sets.

pub mod audit;
pub mod capability;
pub mod confine;
mod level;
mod limits;
pub mod policy;

pub use level::{Level, UnknownLevel};
pub use limits::Limits;
