//! What code in a session may do, and how the operating system holds it to that.
//!
//! - [`Level`]: SANDBOX < RESTRICTED < STANDARD < TRUSTED < UNRESTRICTED.

mod level;

pub use level::{Level, UnknownLevel};
