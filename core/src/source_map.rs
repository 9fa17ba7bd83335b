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
    pub(crate) fn build(phicode: &str, python: &str, edits: &[crate::transpile::Edit]) -> Self {
        let (mut phi_at, mut py_at) = (Cursor::new(phicode), Cursor::new(python));
        let mut lines: Vec<LineMap> = Vec::new();
        for edit in edits {
            let phi = phi_at.position(edit.src_start);
            let py = py_at.position(edit.out_start);
            let count =
                |text: &str, a: usize, b: usize| text.get(a..b).map_or(0, |s| s.chars().count());
            let segment = Segment {
                phicode_column: phi.column,
                phicode_len: count(phicode, edit.src_start, edit.src_end) as u32,
                python_column: py.column,
                python_len: count(python, edit.out_start, edit.out_end) as u32,
            };
            match lines.last_mut() {
                Some(last) if last.line == phi.line => last.segments.push(segment),
                _ => lines.push(LineMap { line: phi.line, segments: alloc::vec![segment] }),
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
