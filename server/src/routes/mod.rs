//! The endpoints, one file per group; their request and response shapes live beside them.

pub mod cells;
pub mod convert;
pub mod execute;
pub mod info;
pub mod kinds;
pub mod promises;
pub mod sessions;
pub mod stream;
pub mod symbols;
