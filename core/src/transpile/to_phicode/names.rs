//! Python → φ for one name: mapped words become their symbols; names that φ would read
//! differently (a symbol inside, a dialect word, a word glued to a number) are refused.

use alloc::string::ToString;

use super::ToPhicode;
use crate::error::RoundTripError;
use crate::symbols::SymbolKind;
use crate::text::{ASCII_IDENT, char_at, char_before, is_ident_char};
use crate::transpile::python_syntax::is_attribute;

impl ToPhicode<'_, '_> {
    #[inline(always)]
    pub(super) fn name(&mut self, src: &str, start: usize) -> usize {
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
        let after_dot = || is_attribute(src, start, |w| w == "from", |_| None);
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
        let Some(entry) = table.entries().get(index as usize) else { return end };
        if entry.kind == SymbolKind::Word
            && matches!(bytes.get(end), Some(b'"' | b'\''))
            && crate::lexer::is_string_prefix(&entry.symbol)
        {
            // `if"x"` would become `f"x"` with the word `f` for `if`: a string, not a keyword.
            let word = name.to_string();
            self.problems.push((start, RoundTripError::GluedWord { word }));
            return end;
        }
        self.out.replace(start, end, &entry.symbol, index);
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
