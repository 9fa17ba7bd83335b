//! Line and column positions (1-based, columns in characters) and byte-offset lookup.

use alloc::vec::Vec;

/// A place in a source: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Position {
    /// Line number, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

impl core::fmt::Display for Position {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Line starts of a text (`\n`, `\r\n` and a lone `\r` each end a line, as in Python).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = alloc::vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(at + 1);
        }
        Self { starts }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text.get(start..offset.min(text.len())).map_or(0, |s| s.chars().count());
        Position { line: line as u32 + 1, column: column as u32 + 1 }
    }
}

/// Positions of increasing byte offsets in one text, each found by walking forward from the
/// last: building a column map costs one pass over the text, not a search per edit.
pub(crate) struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
    line: u32,
    column: u32,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text: text.as_bytes(), at: 0, line: 1, column: 1 }
    }

    /// The position of byte `offset` (a char boundary at or after the last one asked).
    pub(crate) fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            *self = Self { text: self.text, at: 0, line: 1, column: 1 };
        }
        let gap = &self.text[self.at..offset];
        let mut line_start = None;
        let line_break = |p: usize| {
            let crlf = gap[p] == b'\r' && self.text.get(self.at + p + 1) == Some(&b'\n');
            if !crlf {
                self.line += 1;
                line_start = Some(p + 1);
            }
        };
        // Most gaps are a few words long: a plain loop beats setting up a SIMD search.
        if gap.len() < 64 {
            (0..gap.len()).filter(|&p| matches!(gap[p], b'\n' | b'\r')).for_each(line_break);
        } else {
            memchr::memchr2_iter(b'\n', b'\r', gap).for_each(line_break);
        }
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        self.column = match line_start {
            Some(start) => 1 + chars(&gap[start..]),
            None => self.column + chars(gap),
        };
        self.at = offset;
        Position { line: self.line, column: self.column }
    }
}

/// The position of byte `offset` in `text`, for one-off lookups.
pub fn position_of(text: &str, offset: usize) -> Position {
    LineIndex::new(text).position(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_agrees_with_the_index() {
        let text = "a\r\nπx\ry\n\nz€\r\n";
        let index = LineIndex::new(text);
        let mut cursor = Cursor::new(text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(cursor.position(offset), index.position(text, offset), "{offset}");
        }
        assert_eq!(cursor.position(0), Position { line: 1, column: 1 });
    }

    #[test]
    fn counts_lines_and_characters() {
        let text = "a\r\nπx\ry\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 5), Position { line: 2, column: 2 });
        assert_eq!(index.position(text, 7), Position { line: 3, column: 1 });
        assert_eq!(index.position(text, 9), Position { line: 4, column: 1 });
    }
}
