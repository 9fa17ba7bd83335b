//! Column maps between a φ source and its Python: line N is line N on both sides, and each
//! replaced symbol is a segment that shifts the columns after it.

use alloc::vec::Vec;

use crate::position::{Cursor, Position};

/// One replacement made by a conversion, what maps are built from: `source[src_start..src_end]`
/// became `output[out_start..out_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    pub(crate) src_start: usize,
    pub(crate) src_end: usize,
    pub(crate) out_start: usize,
    pub(crate) out_end: usize,
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineMap<'a> {
    /// Line number, from 1.
    pub line: u32,
    /// Replacements on the line, left to right.
    pub segments: &'a [Segment],
}

/// Column map of a conversion; lines without replacements map columns to themselves.
///
/// All segments sit in one vector, lines ending where their `ends` say: one allocation for
/// the map instead of one per line (a 10 MB source has hundreds of thousands of lines).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
    /// Per line with replacements: its number, and the end of its segments in `segments`.
    ends: Vec<(u32, usize)>,
}

impl SourceMap {
    /// Builds the map from the edits of a conversion of `phicode` into `python`.
    ///
    /// Between edits both texts hold the same bytes, and no edit spans a line break, so only
    /// the φ side is walked: a Python column is the φ column shifted by what the earlier
    /// edits on its line added or removed.
    pub(crate) fn build<E>(phicode: &str, python: &str, edits: E) -> Self
    where
        E: IntoIterator<Item = Edit, IntoIter: ExactSizeIterator>,
    {
        let edits = edits.into_iter();
        let mut phi_at = Cursor::new(phicode);
        let mut map = Self { segments: Vec::with_capacity(edits.len()), ends: Vec::new() };
        let mut shift: i64 = 0;
        let count =
            |text: &str, a: usize, b: usize| text.get(a..b).map_or(0, |s| s.chars().count());
        for edit in edits {
            let phi = phi_at.position(edit.src_start);
            let phicode_len = count(phicode, edit.src_start, edit.src_end) as u32;
            let python_len = count(python, edit.out_start, edit.out_end) as u32;
            if map.ends.last().is_none_or(|&(line, _)| line != phi.line) {
                shift = 0;
                map.ends.push((phi.line, 0));
            }
            map.segments.push(Segment {
                phicode_column: phi.column,
                phicode_len,
                python_column: u32::try_from(i64::from(phi.column) + shift).unwrap_or(u32::MAX),
                python_len,
            });
            shift += i64::from(python_len) - i64::from(phicode_len);
            if let Some(last) = map.ends.last_mut() {
                last.1 = map.segments.len();
            }
        }
        map
    }

    /// The lines that have replacements, in order.
    pub fn lines(&self) -> impl ExactSizeIterator<Item = LineMap<'_>> + DoubleEndedIterator {
        (0..self.ends.len()).map(|k| self.line_at(k))
    }

    /// Whether nothing was replaced: every position maps to itself.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The replacements of line `line`, if it has any.
    pub fn line(&self, line: u32) -> Option<LineMap<'_>> {
        let k = self.ends.binary_search_by_key(&line, |&(line, _)| line).ok()?;
        Some(self.line_at(k))
    }

    fn line_at(&self, k: usize) -> LineMap<'_> {
        let start = k.checked_sub(1).map_or(0, |before| self.ends[before].1);
        let (line, end) = self.ends[k];
        LineMap { line, segments: self.segments.get(start..end).unwrap_or_default() }
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
        let Some(line) = self.line(from.line) else { return from };
        // Segments are in column order: the last one starting at or before the column
        // decides (a binary search, so a line of a million symbols costs log n per lookup).
        let passed = line.segments.partition_point(|s| sides(s).0 <= from.column);
        let Some(segment) = passed.checked_sub(1).map(|i| &line.segments[i]) else {
            return from; // Before the first symbol: the same column on both sides.
        };
        let (col, len, to_col, to_len) = sides(segment);
        let (end, to_end) = (col.saturating_add(len), to_col.saturating_add(to_len));
        if from.column < end {
            return Position { line: from.line, column: to_col };
        }
        // Past the segment: keep the distance to its end (saturating for far columns).
        Position { line: from.line, column: (from.column - end).saturating_add(to_end) }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SourceMap {
    /// As `{"lines": [{"line", "segments": [...]}, ...]}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut map = serializer.serialize_struct("SourceMap", 1)?;
        map.serialize_field("lines", &self.lines().collect::<Vec<_>>())?;
        map.end()
    }
}
