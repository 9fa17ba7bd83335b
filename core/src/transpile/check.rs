//! Lexical problems alone: the lexer walks strings, comments and f-strings as it does for a
//! conversion, and nothing in code is looked up, converted or copied.

use alloc::vec::Vec;

use crate::error::LexError;
use crate::lexer::{Handler, scan};
use crate::symbols::SymbolTable;
use crate::text::decode_utf8;

pub(crate) struct Checker<'t> {
    table: &'t SymbolTable,
    pub(crate) errors: Vec<(usize, LexError)>,
}

impl<'t> Checker<'t> {
    pub(crate) fn new(table: &'t SymbolTable) -> Self {
        Self { table, errors: Vec::new() }
    }
}

impl Handler for Checker<'_> {
    #[inline]
    fn next_stop(&self, bytes: &[u8], from: usize) -> usize {
        scan::find_code(bytes, from)
    }

    #[inline]
    fn wants(&self, _: u8) -> bool {
        false
    }

    /// As in a conversion: a glue symbol is a token of its own, so it is no string prefix
    /// letter's neighbour in a name.
    #[inline]
    fn splits(&self, c: char) -> bool {
        self.table.glue.starts(c)
    }

    #[inline]
    fn token(&mut self, src: &str, pos: usize) -> usize {
        pos + decode_utf8(src.as_bytes(), pos).1
    }

    fn error(&mut self, pos: usize, error: LexError) {
        self.errors.push((pos, error));
    }

    #[inline]
    fn skims(&self) -> bool {
        true
    }

    #[inline]
    fn glyph(&mut self, src: &str, pos: usize) -> Option<usize> {
        Some(self.token(src, pos))
    }
}
