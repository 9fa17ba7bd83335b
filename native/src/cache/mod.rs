//! The bytecode cache for φ modules: where entries live (`__pycache__`, or under
//! `PYTHONPYCACHEPREFIX`), what they are keyed by, and reading/writing them safely.
//!
//! An entry is keyed by the φ source, the dialect, the interpreter (cache tag, bytecode
//! magic, optimization level) and the phicode version. Anything wrong with an entry (torn,
//! truncated, foreign, corrupt) makes it a miss; the fresh code is then written over it.

mod entry;
mod store;
mod writer;

pub use entry::{HEADER_LEN, Invalid, decode, encode};
pub use store::{Cache, dialect_fingerprint};
pub use writer::Writer;
