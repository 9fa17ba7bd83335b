//! Symbol tables: the default alphabet and the indexes the transpilers read.

mod defaults;
mod direct;
mod glue;
mod index;
mod table;
pub(crate) mod words;

pub use defaults::DEFAULT_SYMBOLS;
pub(crate) use glue::{Glue, Lookup, Packed};
pub use table::{Entry, Origin, SymbolKind, SymbolTable};
