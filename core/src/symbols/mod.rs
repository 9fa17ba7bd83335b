//! Symbol tables: the default alphabet and the indexes the transpilers read.

mod defaults;
mod direct;
mod glue;
mod index;
#[cfg(feature = "serde")]
mod listing;
mod table;
pub(crate) mod words;

pub use defaults::DEFAULT_SYMBOLS;
pub(crate) use glue::{Glue, Lookup, Packed};
#[cfg(feature = "serde")]
pub use listing::{Listing, codepoints, origin_name};
pub use table::{Entry, Origin, SymbolKind, SymbolTable};
