//! Python → φ: names that are mapped words become their symbols (attributes, strings and
//! comments untouched), `:=` becomes `≔`, and whatever would not come back byte for byte
//! is reported.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

mod names;

use super::candidates::NameFilter;
use super::output::Output;
use super::python_syntax::number_end;
use crate::error::{LexError, RoundTripError};
use crate::lexer::Handler;
use crate::symbols::{SymbolKind, SymbolTable};
use crate::text::{ASCII_IDENT, char_at, char_before, decode_utf8, is_ident_char};

pub(crate) struct ToPhicode<'t, 's> {
    table: &'t SymbolTable,
    pub(crate) out: Output<'s>,
    pub(crate) problems: Vec<(usize, RoundTripError)>,
    pub(crate) errors: Vec<(usize, LexError)>,
    /// The table has word symbols, so any name may be one.
    dialect_words: bool,
    filter: NameFilter,
}

impl<'t, 's> ToPhicode<'t, 's> {
    pub(crate) fn new(src: &'s str, table: &'t SymbolTable, record_edits: bool) -> Self {
        let out = Output::new(src, table.entries().len(), record_edits);
        Self {
            table,
            out,
            problems: Vec::new(),
            errors: Vec::new(),
            dialect_words: table.has_words(),
            filter: NameFilter::new(table),
        }
    }

    fn symbol_at(&self, src: &str, pos: usize) -> Option<(String, String)> {
        let (cp, _) = decode_utf8(src.as_bytes(), pos);
        let rest = src.get(pos..)?;
        let glue = self.table.glue.get(cp).iter().find(|g| rest.starts_with(&*g.symbol))?;
        Some((glue.symbol.to_string(), glue.python.to_string()))
    }
}

impl Handler for ToPhicode<'_, '_> {
    #[inline]
    fn next_stop(&self, bytes: &[u8], from: usize) -> usize {
        self.filter.next_stop(bytes, from)
    }

    #[inline]
    fn wants(&self, b: u8) -> bool {
        b == b':' || b >= 0x80 || ASCII_IDENT[b as usize]
    }

    fn splits(&self, _: char) -> bool {
        false
    }

    #[inline(always)]
    fn token(&mut self, src: &str, pos: usize) -> usize {
        let bytes = src.as_bytes();
        match bytes[pos] {
            b':' if bytes.get(pos + 1) == Some(&b'=') => {
                if let Some(index) = self.table.walrus
                    && let Some(entry) = self.table.entries().get(index as usize)
                {
                    // A word symbol (`walrus`) would fuse with a neighbouring name, with
                    // the symbol of the `:=` right before (`:=:=`), or be spaced off from a
                    // symbol whose Python is a word (`is:=`, where `is` became `≡`).
                    let touches = char_before(src, pos).is_some_and(is_ident_char)
                        || self.out.replacement_ends_ident_at(pos)
                        || char_at(src, pos + 2).is_some_and(|(c, _)| is_ident_char(c));
                    if entry.kind == SymbolKind::Word && touches {
                        let word = ":=".to_string();
                        self.problems.push((pos, RoundTripError::GluedWord { word }));
                    } else {
                        self.out.replace(pos, pos + 2, &entry.symbol, index);
                    }
                }
                pos + 2
            }
            b':' => pos + 1,
            b'0'..=b'9' => number_end(bytes, pos),
            b if ASCII_IDENT[b as usize] => self.name(src, pos),
            _ => match char_at(src, pos) {
                Some((c, _)) if is_ident_char(c) => self.name(src, pos),
                Some((_, len)) => {
                    if let Some((symbol, python)) = self.symbol_at(src, pos) {
                        self.problems.push((pos, RoundTripError::SymbolInCode { symbol, python }));
                    }
                    pos + len
                }
                None => pos + 1,
            },
        }
    }

    fn error(&mut self, pos: usize, error: LexError) {
        self.errors.push((pos, error));
    }
}
