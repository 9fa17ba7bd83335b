//! φ → Python: every symbol in code becomes its Python text, as a token of its own.

use alloc::vec::Vec;

use super::output::Output;
use super::python_syntax::{is_attribute, number_end};
use crate::error::LexError;
use crate::lexer::{Handler, scan};
use crate::symbols::{Glue, Lookup, SymbolTable};
use crate::text::{ASCII_IDENT, char_at, decode_utf8, is_ident_char};

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
        Self { table, out, words: table.has_words(), errors: Vec::new() }
    }

    /// Whether a name character starts at `at` that is not itself a glue symbol.
    #[inline(always)]
    fn name_char_at(&self, bytes: &[u8], at: usize) -> bool {
        match bytes.get(at) {
            Some(&b) if b < 0x80 => ASCII_IDENT[b as usize],
            Some(_) => self.unicode_name_char_at(bytes, at),
            None => false,
        }
    }

    #[cold]
    fn unicode_name_char_at(&self, bytes: &[u8], at: usize) -> bool {
        let (cp, _) = decode_utf8(bytes, at);
        char::from_u32(cp).is_some_and(|c| is_ident_char(c) && !self.table.glue.starts(c))
    }

    /// Writes the Python text of `entry` for the symbol at `start..end`, spaced off from
    /// names on either side when that text is a word.
    #[inline(always)]
    fn emit(&mut self, bytes: &[u8], span: (usize, usize), pad: (bool, bool), entry: u16) {
        let table = self.table;
        let Some(texts) = table.padded_texts(entry) else { return };
        let after = pad.1 && self.name_char_at(bytes, span.1);
        self.out.replace_padded(span, texts, (pad.0, after), entry);
    }

    /// The Python text of the one-character glue symbol `c`.
    fn symbol_text(&self, c: char) -> Option<&'t str> {
        let table: &'t SymbolTable = self.table;
        let glue = table.glue.get(c as u32).iter().find(|g| g.symbol.chars().count() == 1)?;
        Some(&glue.python)
    }

    /// Whether `word` is `from` or the dialect's word for it.
    fn means_from(&self, word: &str) -> bool {
        let entry = self.table.phi_words.get(word).and_then(|i| self.table.entry(i as usize));
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
            if !is_ident_char(c) || (end > start && !c.is_ascii() && self.table.glue.starts(c)) {
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
        let table = self.table;
        if let Some(index) = table.phi_words.get(word)
            && let Some(entry) = table.entry(index as usize)
            && !is_attribute(src, start, |w| self.means_from(w), |c| self.symbol_text(c))
        {
            self.emit(bytes, (start, end), (entry.word_start(), entry.word_end()), index);
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
            scan::find_code(bytes, from)
        }
    }

    #[inline]
    fn wants(&self, b: u8) -> bool {
        b >= 0x80 || (self.words && ASCII_IDENT[b as usize])
    }

    #[inline]
    fn splits(&self, c: char) -> bool {
        self.table.glue.starts(c)
    }

    #[inline(always)]
    fn token(&mut self, src: &str, pos: usize) -> usize {
        let bytes = src.as_bytes();
        let table = self.table;
        if let Lookup::Symbol(symbol) = table.glue.lookup(bytes, pos) {
            let end = pos + usize::from(symbol.symbol_len);
            self.emit(bytes, (pos, end), (symbol.word_start, symbol.word_end), symbol.entry);
            return end;
        }
        let (cp, len) = decode_utf8(bytes, pos);
        if cp >= 0x80 {
            let glues: &[Glue] = table.glue.get(cp);
            for glue in glues {
                let symbol = glue.symbol.as_bytes();
                if symbol.len() == len || bytes[pos..].starts_with(symbol) {
                    let end = pos + symbol.len();
                    let pad = (glue.word_start, glue.word_end);
                    self.emit(bytes, (pos, end), pad, glue.entry);
                    return end;
                }
            }
        }
        if self.words && char::from_u32(cp).is_some_and(is_ident_char) {
            return self.name(src, pos);
        }
        pos + len
    }

    fn error(&mut self, pos: usize, error: LexError) {
        self.errors.push((pos, error));
    }

    #[inline]
    fn skims(&self) -> bool {
        !self.words
    }

    #[inline(always)]
    fn glyph(&mut self, src: &str, pos: usize) -> Option<usize> {
        let bytes = src.as_bytes();
        let table = self.table;
        match table.glue.lookup(bytes, pos) {
            Lookup::Symbol(symbol) => {
                let end = pos + usize::from(symbol.symbol_len);
                // `&` rather than `&&`: both sides are cheap, and a branch on `word_end`
                // would be mispredicted at every other symbol.
                let next = bytes.get(end).copied().unwrap_or(b' ');
                let after = if next < 0x80 {
                    symbol.word_end & ASCII_IDENT[next as usize]
                } else {
                    symbol.word_end && self.unicode_name_char_at(bytes, end)
                };
                self.out.replace_packed(pos, symbol, after);
                Some(end)
            }
            Lookup::None => Some(pos + bytes.get(pos).map_or(1, |b| b.leading_ones() as usize)),
            Lookup::Slow => None,
        }
    }
}
