//! Typed errors of the core: lexical problems, round-trip refusals, dialect issues.

use alloc::string::String;
use alloc::vec::Vec;

use crate::position::Position;

/// A lexical problem in the source. Conversion still produces output around it, so Python
/// reports the same problem on the same line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum LexError {
    /// A single-quoted string reached the end of its line.
    #[error("unterminated string literal")]
    UnterminatedString,
    /// A triple-quoted string reached the end of the source.
    #[error("unterminated triple-quoted string literal")]
    UnterminatedTripleQuotedString,
    /// An f-string ended inside a replacement field.
    #[error("f-string: expecting '}}'")]
    UnclosedField,
}

/// Why Python → φ refuses a source: φ → Python would not give it back byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum RoundTripError {
    /// A name contains a character that φ reads as a symbol (`π = 3.14`).
    #[error("{}", symbol_in_name(name, symbol, python))]
    SymbolInName {
        /// The offending name.
        name: String,
        /// The symbol inside it.
        symbol: String,
        /// What φ would turn the symbol into.
        python: String,
    },
    /// A symbol appears in code outside any name.
    #[error("`{symbol}` in code is a φ symbol for `{python}`")]
    SymbolInCode {
        /// The symbol.
        symbol: String,
        /// What φ would turn it into.
        python: String,
    },
    /// A name is spelled like a dialect word, which φ would turn into its Python text.
    #[error("the name `{name}` is the dialect's word for `{python}`")]
    DialectWordAsName {
        /// The name.
        name: String,
        /// The Python text the dialect maps it to.
        python: String,
    },
    /// A mapped word touches a neighbouring token (`1if`, or a word symbol for `:=` in
    /// `n:=1`); φ → Python would not give the same text back.
    #[error("`{word}` touches its neighbour; write a space between them")]
    GluedWord {
        /// The mapped word.
        word: String,
    },
}

/// An error or warning with the place it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Located<E> {
    /// Line and column (1-based, in characters).
    pub position: Position,
    /// What is wrong.
    pub error: E,
}

impl<E: core::fmt::Display> core::fmt::Display for Located<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.position, self.error)
    }
}

impl<E: core::fmt::Debug + core::fmt::Display> core::error::Error for Located<E> {}

/// Python → φ could not keep the round trip exact; every place that breaks it is listed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} place(s) cannot round-trip through φ, first at {}", problems.len(), first(problems))]
pub struct ToPhicodeError {
    /// Each problem, in source order.
    pub problems: Vec<Located<RoundTripError>>,
}

fn symbol_in_name(name: &str, symbol: &str, python: &str) -> String {
    if name == symbol {
        alloc::format!("the name `{name}` is the φ symbol for `{python}`")
    } else {
        alloc::format!("the name `{name}` contains `{symbol}`, which φ reads as `{python}`")
    }
}

fn first(problems: &[Located<RoundTripError>]) -> String {
    use core::fmt::Write;
    let mut out = String::new();
    if let Some(p) = problems.first() {
        let _ = write!(out, "{p}");
    }
    out
}
