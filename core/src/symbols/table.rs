//! A symbol table: the defaults plus any dialect entries, indexed for both directions.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::defaults::DEFAULT_SYMBOLS;
use super::glue::{Glue, GlueIndex};
use super::words::WordIndex;
use crate::text::{is_hard_keyword, is_ident_char, is_identifier};

/// How a symbol meets its neighbours in φ source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "lowercase"))]
pub enum SymbolKind {
    /// A token of its own wherever it appears in code (`¿x` is `if x`).
    Glue,
    /// An identifier-like word, replaced only as a whole name token (`si x`).
    Word,
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "lowercase"))]
pub enum Origin {
    /// One of the 48 built-in symbols.
    Default,
    /// Added by a dialect config.
    Dialect,
}

/// One mapping between a φ symbol and its Python text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    /// The φ spelling (`¿`, `si`).
    pub symbol: String,
    /// The Python text (`if`, `:=`, `not in`).
    pub python: String,
    /// Glue symbol or whole-word symbol.
    pub kind: SymbolKind,
    /// Built-in or from a dialect.
    pub origin: Origin,
}

impl Entry {
    /// Whether the Python text needs a space before it when it would touch a name.
    pub(crate) fn word_start(&self) -> bool {
        self.python.chars().next().is_some_and(is_ident_char)
    }

    /// Whether the Python text needs a space after it when it would touch a name.
    pub(crate) fn word_end(&self) -> bool {
        self.python.chars().next_back().is_some_and(is_ident_char)
    }
}

/// The symbols a conversion uses, indexed for both directions.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    entries: Vec<Entry>,
    pub(crate) glue: GlueIndex,
    /// Per entry, its Python text bare, with a space before, after, and on both sides.
    padded: Vec<[Box<str>; 4]>,
    /// Per entry: a glue symbol for a hard keyword, which no dot can make an attribute.
    keyword_glue: Vec<bool>,
    pub(crate) phi_words: WordIndex,
    pub(crate) python_words: WordIndex,
    pub(crate) walrus: Option<u16>,
    pub(crate) not_in: Option<u16>,
    pub(crate) is_not: Option<u16>,
}

impl Default for SymbolTable {
    fn default() -> Self {
        Self::from_entries(Vec::new())
    }
}

impl SymbolTable {
    /// The default table: exactly the 48 symbols of the reference.
    pub fn new() -> Self {
        Self::default()
    }

    /// The defaults followed by `extra` entries (already validated by the dialect layer).
    pub(crate) fn from_entries(extra: Vec<(String, String)>) -> Self {
        let defaults = DEFAULT_SYMBOLS.iter().map(|(symbol, python)| Entry {
            symbol: symbol.to_string(),
            python: python.to_string(),
            kind: SymbolKind::Glue,
            origin: Origin::Default,
        });
        let dialect = extra.into_iter().map(|(python, symbol)| Entry {
            kind: if is_identifier(&symbol) { SymbolKind::Word } else { SymbolKind::Glue },
            symbol,
            python,
            origin: Origin::Dialect,
        });
        let entries: Vec<Entry> = defaults.chain(dialect).collect();
        let mut glue = Vec::new();
        let mut phi_words = Vec::new();
        let mut python_words = Vec::new();
        let (mut walrus, mut not_in, mut is_not) = (None, None, None);
        for (i, entry) in entries.iter().enumerate() {
            let i = i as u16;
            match entry.kind {
                SymbolKind::Word => phi_words.push((entry.symbol.clone(), i)),
                SymbolKind::Glue => glue.push(Glue {
                    symbol: entry.symbol.as_str().into(),
                    python: entry.python.as_str().into(),
                    entry: i,
                    word_start: entry.word_start(),
                    word_end: entry.word_end(),
                }),
            }
            match entry.python.as_str() {
                ":=" => walrus = Some(i),
                "not in" => not_in = Some(i),
                "is not" => is_not = Some(i),
                word => python_words.push((word.to_string(), i)),
            }
        }
        let padded = entries.iter().map(|e| pad_variants(&e.python)).collect();
        let keyword_glue = entries
            .iter()
            .map(|e| e.kind == SymbolKind::Glue && is_hard_keyword(&e.python))
            .collect();
        Self {
            entries,
            padded,
            keyword_glue,
            glue: GlueIndex::new(glue),
            phi_words: WordIndex::new(phi_words),
            python_words: WordIndex::new(python_words),
            walrus,
            not_in,
            is_not,
        }
    }

    /// Every entry: the defaults first, then dialect entries in config order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at `index` (as found in a conversion's `symbols_used`).
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The entry whose φ spelling is `symbol`.
    pub fn by_symbol(&self, symbol: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.symbol == symbol)
    }

    /// The entry Python → φ uses for the Python text `python` (a dialect entry wins).
    pub fn by_python(&self, python: &str) -> Option<&Entry> {
        let index = match python {
            ":=" => self.walrus,
            "not in" => self.not_in,
            "is not" => self.is_not,
            word => self.python_words.get(word),
        };
        index.and_then(|i| self.entries.get(i as usize))
    }

    /// The Python text of entry `index`: bare, with a space before, after, and both.
    #[inline(always)]
    pub(crate) fn padded_texts(&self, index: u16) -> Option<&[Box<str>; 4]> {
        self.padded.get(index as usize)
    }

    /// Whether entry `index` converts even right after a dot (`from . import x`): a glue
    /// symbol for a hard keyword, which can never be an attribute name.
    #[inline]
    pub(crate) fn never_attribute(&self, index: u16) -> bool {
        self.keyword_glue.get(index as usize).copied().unwrap_or(false)
    }

    /// Whether φ → Python must look at every name (the table has word symbols).
    pub(crate) fn has_words(&self) -> bool {
        !self.phi_words.is_empty()
    }
}

fn pad_variants(python: &str) -> [Box<str>; 4] {
    [
        python.into(),
        format!(" {python}").into(),
        format!("{python} ").into(),
        format!(" {python} ").into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn defaults_have_48_glue_entries() {
        let table = SymbolTable::new();
        assert_eq!(table.entries().len(), 48);
        assert!(table.entries().iter().all(|e| e.kind == SymbolKind::Glue));
        assert_eq!(table.by_python(":=").map(|e| e.symbol.as_str()), Some("≔"));
        assert_eq!(table.glue.get('¿' as u32).len(), 1);
    }

    #[test]
    fn dialect_entries_win_for_python_to_phicode() {
        let table = SymbolTable::from_entries(vec![("if".into(), "si".into())]);
        assert_eq!(table.by_python("if").map(|e| e.symbol.as_str()), Some("si"));
        assert_eq!(table.by_symbol("¿").map(|e| e.python.as_str()), Some("if"));
        assert_eq!(table.by_symbol("si").map(|e| e.kind), Some(SymbolKind::Word));
        assert!(table.has_words());
    }
}
