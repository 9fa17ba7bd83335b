//! Whether a place in φ source is code, or inside a string literal or a comment: an editor
//! offers symbols only where a symbol would mean something (`"a\n` is no `\not` being typed).

use crate::error::LexError;
use crate::lexer::{Handler, lex};
use crate::symbols::SymbolTable;

/// Whether byte `offset` of `src` is code: top level or an f-string replacement field, not a
/// string literal's text or a comment. An offset at the end is code if the text ends in
/// code (where the next character typed would be).
///
/// Only the text up to the end of the offset's line is lexed: what comes after cannot
/// change what the offset is in.
pub fn is_code_at(src: &str, table: &SymbolTable, offset: usize) -> bool {
    // Inside a character: at its start (a position is never half a character).
    let offset = (0..=offset.min(src.len())).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0);
    let end = src[offset..].find('\n').map_or(src.len(), |n| offset + n);
    // A character to stand at the very end: a comment or an open string swallows it too.
    let mut text = alloc::string::String::with_capacity(end + 1);
    text.push_str(&src[..end]);
    text.push(' ');
    let mut probe = Probe { table, offset, code: false };
    lex(&text, &mut probe);
    probe.code
}

/// A handler that takes every code character as a token and notes whether `offset` was one.
struct Probe<'t> {
    table: &'t SymbolTable,
    offset: usize,
    code: bool,
}

impl Handler for Probe<'_> {
    fn next_stop(&self, _bytes: &[u8], from: usize) -> usize {
        from
    }

    fn wants(&self, _: u8) -> bool {
        true
    }

    /// As in a conversion, so string prefixes are told apart the same way.
    fn splits(&self, c: char) -> bool {
        self.table.glue.starts(c)
    }

    fn token(&mut self, src: &str, pos: usize) -> usize {
        let len = src[pos..].chars().next().map_or(1, char::len_utf8);
        if (pos..pos + len).contains(&self.offset) {
            self.code = true;
        }
        pos + len
    }

    fn error(&mut self, _: usize, _: LexError) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(marked: &str) -> bool {
        let offset = marked.find('|').expect("a | marks the place");
        let src = marked.replacen('|', "", 1);
        is_code_at(&src, &SymbolTable::default(), offset)
    }

    #[test]
    fn strings_and_comments_are_not_code() {
        assert!(code("x = |\\fo"));
        assert!(code("π(|"));
        assert!(!code("π(\"a|\\n\")"));
        assert!(!code("x = 1  # |\\fo"));
        assert!(!code("'''\nstill |a string\n'''"));
        assert!(code("'''\nno longer\n''' + |x"));
        assert!(!code("f\"text |{x}\""));
        assert!(code("f\"text {|x}\""));
        assert!(code("f\"{ℓ(|xs)}\""));
        assert!(!code("s = \"open |"));
    }

    #[test]
    fn any_offset_is_answered() {
        let src = "π(\"ℓ\") # ∀";
        for offset in 0..src.len() + 3 {
            is_code_at(src, &SymbolTable::default(), offset);
        }
    }
}
