//! Traceback columns at φ positions. CPython 3.11+ keeps, per instruction, the columns of
//! its source range (UTF-8 byte offsets in the compiled Python line); tracebacks underline
//! that range in the line they show, which is the φ line. This rewrites each code object's
//! location table so its columns are φ columns. Lines already agree (line N is line N).

use std::cell::RefCell;

use phicode_core::position::LineIndex;
use phicode_core::{Position, SourceMap};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCode, PyTuple};

use super::linetable::{self, Location};

/// The two texts and their map, for column conversions.
pub struct Texts<'a> {
    phi: &'a str,
    python: &'a str,
    phi_lines: LineIndex,
    python_lines: LineIndex,
    map: &'a SourceMap,
    /// The character/byte tables of the line converted last: a code object's locations
    /// come line after line, and one long line may have thousands of them.
    last: RefCell<Option<LineColumns>>,
}

/// One line's column tables, so a conversion is two lookups, not two walks of the line.
struct LineColumns {
    /// The line (1-based).
    line: u32,
    /// Characters of the Python line before each of its byte offsets (0..=len).
    python_chars: Vec<u32>,
    /// Byte offset in the φ line of each of its character positions (0..=count).
    phi_bytes: Vec<u32>,
}

impl LineColumns {
    fn new(line: u32, python: &str, phi: &str) -> Self {
        let mut python_chars = Vec::with_capacity(python.len() + 1);
        for (count, c) in python.chars().enumerate() {
            python_chars.extend(std::iter::repeat_n(count as u32, c.len_utf8()));
        }
        python_chars.push(python.chars().count() as u32);
        let mut phi_bytes: Vec<u32> = phi.char_indices().map(|(at, _)| at as u32).collect();
        phi_bytes.push(phi.len() as u32);
        Self { line, python_chars, phi_bytes }
    }
}

impl<'a> Texts<'a> {
    /// Prepares conversions between `phi` and the `python` it became.
    pub fn new(phi: &'a str, python: &'a str, map: &'a SourceMap) -> Self {
        Self {
            phi,
            python,
            phi_lines: LineIndex::new(phi),
            python_lines: LineIndex::new(python),
            map,
            last: RefCell::new(None),
        }
    }

    /// The φ byte column for Python byte column `column` of line `line` (1-based).
    fn column(&self, line: i64, column: u32) -> u32 {
        let Ok(line) = u32::try_from(line) else { return column };
        if self.map.line(line).is_none() {
            return column; // No symbol on this line: both lines are the same text.
        }
        let (Some(py), Some(phi)) = (
            line_text(self.python, &self.python_lines, line),
            line_text(self.phi, &self.phi_lines, line),
        ) else {
            return column;
        };
        let mut last = self.last.borrow_mut();
        let columns = match last.take() {
            Some(columns) if columns.line == line => columns,
            _ => LineColumns::new(line, py, phi),
        };
        // A column past the line's end counts the characters there are (as slicing did).
        let at = (column as usize).min(columns.python_chars.len() - 1);
        let chars = columns.python_chars[at];
        let phi_column = self.map.to_phicode(Position { line, column: chars + 1 }).column;
        let at = (phi_column as usize - 1).min(columns.phi_bytes.len() - 1);
        let bytes = columns.phi_bytes[at];
        *last = Some(columns);
        bytes
    }
}

fn line_text<'t>(text: &'t str, index: &LineIndex, line: u32) -> Option<&'t str> {
    let start = index.line_start(line.checked_sub(1)? as usize)?;
    let end = index.line_start(line as usize).unwrap_or(text.len());
    text.get(start..end)
}

/// `code` (and the code objects nested in its constants) with φ columns.
pub fn remap<'py>(code: &Bound<'py, PyAny>, texts: &Texts<'_>) -> PyResult<Bound<'py, PyAny>> {
    if texts.map.is_empty() {
        return Ok(code.clone());
    }
    let py = code.py();
    let consts = code.getattr("co_consts")?.cast_into::<PyTuple>()?;
    let mut changed = false;
    let mut new_consts = Vec::with_capacity(consts.len());
    for item in consts.iter() {
        if item.is_instance_of::<PyCode>() {
            new_consts.push(remap(&item, texts)?);
            changed = true;
        } else {
            new_consts.push(item);
        }
    }
    let table: Vec<u8> = code.getattr("co_linetable")?.extract()?;
    let first_line: i64 = code.getattr("co_firstlineno")?.extract()?;
    let Some(mut entries) = linetable::decode(&table) else {
        return Ok(code.clone()); // A format this build does not know: keep Python's columns.
    };
    let mut line = first_line;
    for entry in &mut entries {
        match &mut entry.location {
            Location::Nowhere => {}
            Location::Line(delta) => line += *delta,
            Location::Columns(c) => {
                line += c.line_delta;
                let end_line = line + c.end_line_delta as i64;
                c.column = c.column.map(|col| texts.column(line, col));
                c.end_column = c.end_column.map(|col| texts.column(end_line, col));
            }
        }
    }
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("co_linetable", PyBytes::new(py, &linetable::encode(&entries)))?;
    if changed {
        kwargs.set_item("co_consts", PyTuple::new(py, new_consts)?)?;
    }
    code.call_method("replace", (), Some(&kwargs))
}
