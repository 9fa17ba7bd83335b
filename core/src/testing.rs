//! Checks shared by the core's property tests and the fuzz targets (feature `testing`): the
//! promises a column map keeps whatever the source. They panic, as test assertions do.

use crate::{Position, SourceMap};

/// Queries `map` on every line up to `lines` (and past them) at each of `columns`: every
/// answer stays on the line asked about, and every segment's start maps to its
/// counterpart and back.
pub fn assert_map_answers(map: &SourceMap, lines: u32, columns: &[u32]) {
    for line in 0..=lines.saturating_add(1) {
        for &column in columns {
            let at = Position { line, column };
            assert_eq!(map.to_python(at).line, line, "to_python left line {line}");
            assert_eq!(map.to_phicode(at).line, line, "to_phicode left line {line}");
        }
    }
    for line in map.lines() {
        for segment in line.segments {
            let at = Position { line: line.line, column: segment.phicode_column };
            let python = map.to_python(at);
            assert_eq!(python.column, segment.python_column, "segment start at {at:?}");
            assert_eq!(map.to_phicode(python).column, segment.phicode_column, "back from {at:?}");
        }
    }
}
