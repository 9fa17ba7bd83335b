//! Python → φ: names that are mapped words become their symbols (attributes, strings and
//! comments untouched), `:=` becomes `≔`, and whatever would not come back byte for byte
//! is reported.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::candidates::NameFilter;
use super::output::Output;
use super::python_syntax::{is_attribute, number_end};
use crate::error::{LexError, RoundTripError};
use crate::lexer::Handler;
use crate::symbols::{SymbolKind, SymbolTable};
use crate::text::{ASCII_IDENT, char_at, char_before, decode, is_ident_char};

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
        let (cp, _) = decode(src.as_bytes(), pos);
        let rest = src.get(pos..)?;
        let glue = self.table.glue.get(cp).iter().find(|g| rest.starts_with(&*g.symbol))?;
        Some((glue.symbol.to_string(), glue.python.to_string()))
    }

    #[inline(always)]
    fn name(&mut self, src: &str, start: usize) -> usize {
        let bytes = src.as_bytes();
        let tail = bytes.get(start..).unwrap_or_default();
        let end = start + tail.iter().position(|&b| !ASCII_IDENT[b as usize]).unwrap_or(tail.len());
        if bytes.get(end).is_some_and(|&b| b >= 0x80) {
            return self.unicode_name(src, start, end);
        }
        match src.get(start..end) {
            Some(name) => self.word(src, name, start, end),
            None => end.max(start + 1),
        }
    }

    /// A name with non-ASCII characters (its ASCII head ends at `end`): refused when it
    /// holds a symbol character, else handled like any name.
    #[cold]
    fn unicode_name(&mut self, src: &str, start: usize, mut end: usize) -> usize {
        let mut symbol = None;
        while let Some((c, len)) = char_at(src, end) {
            if !is_ident_char(c) {
                break;
            }
            if !c.is_ascii() && symbol.is_none() {
                symbol = self.symbol_at(src, end);
            }
            end += len;
        }
        let name = &src[start..end];
        if let Some((symbol, python)) = symbol {
            let name = name.to_string();
            self.problems.push((start, RoundTripError::SymbolInName { name, symbol, python }));
            return end;
        }
        self.word(src, name, start, end)
    }

    /// A whole name at `start..end`: a mapped word becomes its symbol.
    #[inline(always)]
    fn word(&mut self, src: &str, name: &str, start: usize, end: usize) -> usize {
        let table = self.table;
        let mapped = table.python_words.get(name);
        if mapped.is_none() && !self.dialect_words {
            return end;
        }
        let bytes = src.as_bytes();
        if matches!(bytes.get(end), Some(b'"' | b'\''))
            && crate::lexer::prefix_start(src, end, |_| false) == start
        {
            return end; // A string prefix, not a name.
        }
        let after_dot = || is_attribute(src, start, |w| w == "from");
        if let Some(entry) = table.phi_words.get(name).and_then(|i| table.entry(i as usize))
            && !after_dot()
        {
            let (name, python) = (name.to_string(), entry.python.clone());
            self.problems.push((start, RoundTripError::DialectWordAsName { name, python }));
            return end;
        }
        let Some(index) = mapped else { return end };
        if !table.never_attribute(index) && after_dot() {
            return end;
        }
        if start > 0 && char_before(src, start).is_some_and(is_ident_char) {
            let word = name.to_string();
            self.problems.push((start, RoundTripError::GluedWord { word }));
            return end;
        }
        let (index, end) = self.operator_pair(src, name, end).unwrap_or((index, end));
        if let Some(entry) = table.entries().get(index as usize) {
            self.out.replace(start, end, &entry.symbol, index);
        }
        end
    }

    /// `not in` / `is not` written with one space, when the dialect has a symbol for them.
    fn operator_pair(&self, src: &str, first: &str, end: usize) -> Option<(u16, usize)> {
        let (index, rest) = match first {
            "not" => (self.table.not_in?, " in"),
            "is" => (self.table.is_not?, " not"),
            _ => return None,
        };
        let pair_end = end + rest.len();
        let tail_ok = char_at(src, pair_end).is_none_or(|(c, _)| !is_ident_char(c));
        (src.get(end..pair_end) == Some(rest) && tail_ok).then_some((index, pair_end))
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
                    // A word symbol (`walrus`) would fuse with a neighbouring name.
                    let touches = char_before(src, pos).is_some_and(is_ident_char)
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
