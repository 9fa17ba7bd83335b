//! Phicode's core: a Python-aware φ ⇄ Python transpiler.
//!
//! φ is Python written with a symbolic alphabet (`¿` for `if`, `∀` for `for`, `π` for
//! `print`, ...) or with a dialect's own words (`si` for `if`). This crate holds the symbol
//! table, a lexer that knows code from strings, comments and f-string fields, both
//! conversions, dialect validation and column maps. It is `no_std` + `alloc`: no I/O, no
//! globals, and no panics on any input.
//!
//! ```
//! use phicode_core::{SymbolTable, to_python, to_phicode};
//! let table = SymbolTable::new();
//! assert_eq!(to_python("¿x∈xs∧¬y: π(f\"{ℓ(xs)}\")", &table), "if x in xs and not y: print(f\"{len(xs)}\")");
//! assert_eq!(to_phicode("for i in range(3): pass", &table).unwrap(), "∀ i ∈ ⟪(3): ⋯");
//! ```

#![no_std]
extern crate alloc;

pub mod dialect;
pub mod error;
mod lexer;
pub mod position;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod simd;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd_wasm;
pub mod source_map;
pub mod symbols;
#[cfg(feature = "testing")]
pub mod testing;
mod text;
mod transpile;

pub use dialect::{Dialect, DialectEntry, DialectIssue, Strictness};
pub use error::{LexError, Located, RoundTripError, ToPhicodeError};
pub use position::Position;
pub use source_map::SourceMap;
pub use symbols::{Entry, SymbolKind, SymbolTable};
pub use text::{decode_utf8, string_from_utf8};
pub use transpile::{
    Conversion, Options, check, is_code_at, to_phicode, to_phicode_with, to_python, to_python_with,
};
