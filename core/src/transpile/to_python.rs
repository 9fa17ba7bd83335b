//! φ → Python: every symbol in code becomes its Python text, as a token of its own.

use super::output::Output;
use super::python_syntax::{is_attribute, number_end};
use crate::error::LexError;
use crate::lexer::{Handler, scan};
use crate::symbols::SymbolTable;
use crate::text::{ASCII_IDENT, char_at, is_ident_char};
use alloc::vec::Vec;

/// Bytes that stop the code scan when the table has word symbols: quotes, `#`, names.
const WORD_STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = ASCII_IDENT[b] || b >= 0x80 || matches!(b as u8, b'"' | b'\'' | b'#');
        b += 1;
    }
    table
};

pub(crate) struct ToPython<'t, 's> {
    table: &'t SymbolTable,
    pub(crate) out: Output<'s>,
    words: bool,
    pub(crate) errors: Vec<(usize, LexError)>,
}

impl<'t, 's> ToPython<'t, 's> {
    pub(crate) fn new(src: &'s str, table: &'t SymbolTable, record_edits: bool) -> Self {
        let out = Output::new(src, table.entries().len(), record_edits);
        Self {
            table,
            out,
            words: table.has_words(),
            errors: Vec::new(),
        }
    }

    /// Replaces the symbol of entry `index` at `start..end`, spacing it off from names.
    fn emit(&mut self, src: &str, start: usize, end: usize, index: u16) {
        let Some(entry) = self.table.entries().get(index as usize) else {
            return;
        };
        let before = entry.word_start() && self.out.ends_with_ident(start);
        let after = entry.word_end()
            && char_at(src, end).is_some_and(|(c, _)| is_ident_char(c) && !self.splits(c));
        self.out
            .replace(start, end, &entry.python, (before, after), index);
    }

    /// Whether `word` is `from` or the dialect's word for it.
    fn means_from(&self, word: &str) -> bool {
        let entry = self
            .table
            .phi_words
            .get(word)
            .and_then(|i| self.table.entry(i as usize));
        word == "from" || entry.is_some_and(|e| e.python == "from")
    }

    /// A name (or number) in a table with word symbols: replaced if it is a whole word.
    fn name(&mut self, src: &str, start: usize) -> usize {
        let bytes = src.as_bytes();
        if bytes[start].is_ascii_digit() {
            return number_end(bytes, start);
        }
        let mut end = start;
        while let Some((c, len)) = char_at(src, end) {
            if !is_ident_char(c) || (end > start && !c.is_ascii() && self.splits(c)) {
                break;
            }
            end += len;
        }
        let word = &src[start..end];
        if matches!(bytes.get(end), Some(b'"' | b'\''))
            && crate::lexer::prefix_start(src, end, |c| self.splits(c)) == start
        {
            return end; // A string prefix, not a name.
        }
        if let Some(index) = self.table.phi_words.get(word) {
            if !is_attribute(src, start, |w| self.means_from(w)) {
                self.emit(src, start, end, index);
            }
        }
        end.max(start + 1)
    }
}

impl Handler for ToPython<'_, '_> {
    #[inline]
    fn next_stop(&self, bytes: &[u8], from: usize) -> usize {
        if self.words {
            scan::find_class(bytes, from, &WORD_STOPS)
        } else {
            scan::find(bytes, from, [b'"', b'\'', b'#'], true)
        }
    }

    #[inline]
    fn wants(&self, b: u8) -> bool {
        b >= 0x80 || (self.words && ASCII_IDENT[b as usize])
    }

    #[inline]
    fn splits(&self, c: char) -> bool {
        !self.table.glue.get(c).is_empty()
    }

    fn token(&mut self, src: &str, pos: usize) -> usize {
        let Some((c, len)) = char_at(src, pos) else {
            return pos + 1;
        };
        if !c.is_ascii() {
            let rest = &src[pos..];
            let table = self.table;
            for &index in table.glue.get(c) {
                let Some(entry) = table.entries().get(index as usize) else {
                    continue;
                };
                if rest.starts_with(entry.symbol.as_str()) {
                    let end = pos + entry.symbol.len();
                    self.emit(src, pos, end, index);
                    return end;
                }
            }
        }
        if self.words && is_ident_char(c) {
            return self.name(src, pos);
        }
        pos + len
    }

    fn error(&mut self, pos: usize, error: LexError) {
        self.errors.push((pos, error));
    }
}
