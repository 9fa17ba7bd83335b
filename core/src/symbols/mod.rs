//! Symbol tables: the default alphabet and the indexes the transpilers read.

mod defaults;
mod index;
mod table;

pub use defaults::DEFAULT_SYMBOLS;
pub(crate) use index::Glue;
pub use table::{Entry, Origin, SymbolKind, SymbolTable};
