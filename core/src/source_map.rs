//! Column maps between a φ source and its Python: line N is line N on both sides, and each
//! replaced symbol is a segment that shifts the columns after it.

use alloc::vec::Vec;

use crate::position::{Cursor, Position};

/// One replacement on a line: columns are 1-based, lengths in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct Segment {
    /// Column of the symbol in the φ line.
    pub phicode_column: u32,
    /// Length of the symbol.
    pub phicode_len: u32,
    /// Column of its Python text (spaces inserted around it included).
    pub python_column: u32,
    /// Length of the Python text, spaces included.
    pub python_len: u32,
}

/// The segments of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineMap {
    /// Line number, from 1.
    pub line: u32,
    /// Replacements on the line, left to right.
    pub segments: Vec<Segment>,
}

/// Column map of a conversion; lines without replacements map columns to themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceMap {
    lines: Vec<LineMap>,
}

impl SourceMap {
    /// Builds the map from the edits of a conversion of `phicode` into `python`.
    ///
    /// Between edits both texts hold the same bytes, and no edit spans a line break, so only
    /// the φ side is walked: a Python column is the φ column shifted by what the earlier
    /// edits on its line added or removed.
    pub(crate) fn build(phicode: &str, python: &str, edits: &[crate::transpile::Edit]) -> Self {
        let mut phi_at = Cursor::new(phicode);
        let mut lines: Vec<LineMap> = Vec::new();
        let mut shift: i64 = 0;
        for edit in edits {
            let phi = phi_at.position(edit.src_start);
            let count =
                |text: &str, a: usize, b: usize| text.get(a..b).map_or(0, |s| s.chars().count());
            let phicode_len = count(phicode, edit.src_start, edit.src_end) as u32;
            let python_len = count(python, edit.out_start, edit.out_end) as u32;
            if lines.last().is_none_or(|last| last.line != phi.line) {
                shift = 0;
            }
            let segment = Segment {
                phicode_column: phi.column,
                phicode_len,
                python_column: u32::try_from(i64::from(phi.column) + shift).unwrap_or(u32::MAX),
                python_len,
            };
            shift += i64::from(python_len) - i64::from(phicode_len);
            match lines.last_mut() {
                Some(last) if last.line == phi.line => last.segments.push(segment),
                _ => {
                    // Room for a few symbols, so most lines allocate once.
                    let mut segments = Vec::with_capacity(4);
                    segments.push(segment);
                    lines.push(LineMap { line: phi.line, segments });
                }
            }
        }
        Self { lines }
    }

    /// The lines that have replacements.
    pub fn lines(&self) -> &[LineMap] {
        &self.lines
    }

    /// Where a Python position is in the φ source (inside a replaced word: at its symbol).
    pub fn to_phicode(&self, python: Position) -> Position {
        self.map(python, |s| (s.python_column, s.python_len, s.phicode_column, s.phicode_len))
    }

    /// Where a φ position is in the Python (inside a symbol: at the start of its text).
    pub fn to_python(&self, phicode: Position) -> Position {
        self.map(phicode, |s| (s.phicode_column, s.phicode_len, s.python_column, s.python_len))
    }

    fn map(&self, from: Position, sides: impl Fn(&Segment) -> (u32, u32, u32, u32)) -> Position {
        let Ok(at) = self.lines.binary_search_by_key(&from.line, |l| l.line) else {
            return from;
        };
        let mut column = from.column;
        for segment in &self.lines[at].segments {
            let (col, len, to_col, to_len) = sides(segment);
            if from.column < col {
                break;
            }
            let (end, to_end) = (col.saturating_add(len), to_col.saturating_add(to_len));
            if from.column < end {
                return Position { line: from.line, column: to_col };
            }
            // Past this segment: keep the distance to its end (saturating for far columns).
            column = (from.column - end).saturating_add(to_end);
        }
        Position { line: from.line, column }
    }
}
