//! Positions between the LSP's (0-based line, UTF-16 column) and the core's (1-based line,
//! 1-based column in characters), and byte offsets for applying edits.

use lsp_types::Position as LspPosition;
use phicode_core::Position;
use phicode_core::position::LineIndex;

/// A text with its line starts, so each lookup costs one line's walk.
#[derive(Debug, Clone)]
pub struct Lines {
    index: LineIndex,
}

impl Lines {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        Self { index: LineIndex::new(text) }
    }

    /// The text of 0-based `line`, without its line break (empty past the end).
    pub fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(start) = self.index.line_start(line) else { return "" };
        let end = self.index.line_start(line + 1).unwrap_or(text.len());
        text.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }

    /// The byte offset of an LSP position (clamped to its line and to the text).
    pub fn offset(&self, text: &str, at: LspPosition) -> usize {
        let Some(start) = self.index.line_start(at.line as usize) else { return text.len() };
        let line = self.line(text, at.line as usize);
        start + utf16_to_byte(line, at.character)
    }

    /// The core position of byte `offset`.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        self.index.position(text, offset)
    }

    /// The core position of an LSP position.
    pub fn to_core(&self, text: &str, at: LspPosition) -> Position {
        let line = self.line(text, at.line as usize);
        let byte = utf16_to_byte(line, at.character);
        let column = line[..byte].chars().count() as u32 + 1;
        Position { line: at.line + 1, column }
    }

    /// The LSP position of a core position (a column past the line's end stays past it, as
    /// the LSP allows, so a range ending at a line's end keeps its length).
    pub fn to_lsp(&self, text: &str, at: Position) -> LspPosition {
        let line0 = at.line.saturating_sub(1);
        let line = self.line(text, line0 as usize);
        let want = at.column.saturating_sub(1) as usize;
        let mut units = 0u32;
        let mut chars = 0usize;
        for c in line.chars().take(want) {
            units += c.len_utf16() as u32;
            chars += 1;
        }
        LspPosition { line: line0, character: units + (want - chars) as u32 }
    }
}

/// The one span where `old` and `new` differ: `old[start..old_end]` became
/// `new[start..new_end]` (char boundaries; an edit of a converted text is local, so the
/// Python server gets a small change instead of the whole twin).
pub fn changed_span(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let room = a.len().min(b.len()) - start;
    let mut tail =
        a.iter().rev().zip(b.iter().rev()).take(room).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(a.len() - tail) || !new.is_char_boundary(b.len() - tail) {
        tail -= 1;
    }
    (start, a.len() - tail, b.len() - tail)
}

/// The byte offset in `line` of UTF-16 column `units` (clamped to the line).
fn utf16_to_byte(line: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (byte, c) in line.char_indices() {
        if seen >= units {
            return byte;
        }
        seen += c.len_utf16() as u32;
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_span_is_the_difference() {
        assert_eq!(changed_span("for x in y", "for xs in y"), (5, 5, 6));
        assert_eq!(changed_span("abc", "abc"), (3, 3, 3));
        assert_eq!(changed_span("π(1)", "ℓ(1)"), (0, 2, 3));
        assert_eq!(changed_span("aa", "a"), (1, 2, 1));
    }

    #[test]
    fn utf16_columns_become_characters_and_back() {
        let text = "π(1)\n𝕟 = ∀x\r\nend";
        let lines = Lines::new(text);
        assert_eq!(lines.line(text, 1), "𝕟 = ∀x");
        // `𝕟` is two UTF-16 units and one character.
        let at = LspPosition { line: 1, character: 2 };
        assert_eq!(lines.to_core(text, at), Position { line: 2, column: 2 });
        assert_eq!(lines.to_lsp(text, Position { line: 2, column: 2 }), at);
        assert_eq!(lines.offset(text, at), "π(1)\n𝕟".len());
        assert_eq!(lines.offset(text, LspPosition { line: 9, character: 0 }), text.len());
        assert_eq!(
            lines.to_lsp(text, Position { line: 3, column: 6 }),
            LspPosition { line: 2, character: 5 }
        );
    }
}
