//! SyntaxErrors at φ positions: Python reports line and column in the generated Python; the
//! line is the same in φ, the column goes through the conversion's column map, and the
//! shown text becomes the φ line, so the caret sits under the φ code.

use phicode_core::position::LineIndex;
use phicode_core::{Position, SourceMap};
use pyo3::exceptions::PySyntaxError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// `error` with its positions and text moved to the φ source `phi`, if it is a SyntaxError.
pub fn remap(
    py: Python<'_>,
    error: PyErr,
    path: &Bound<'_, PyAny>,
    phi: &str,
    map: Option<&SourceMap>,
) -> PyErr {
    if error.is_instance_of::<PySyntaxError>(py) {
        // A failure here leaves the Python positions: still a correct error, less precise.
        let _ = move_to_phi(error.value(py), path, phi, map);
    }
    error
}

fn move_to_phi(
    value: &Bound<'_, PyAny>,
    path: &Bound<'_, PyAny>,
    phi: &str,
    map: Option<&SourceMap>,
) -> PyResult<()> {
    let Some(line) = value.getattr("lineno")?.extract::<Option<u32>>()? else {
        return Ok(());
    };
    let column = |attr: &str, line: Option<u32>| -> PyResult<Option<u32>> {
        let col = value.getattr(attr)?.extract::<Option<i64>>()?;
        Ok(match (col, line) {
            (Some(c), Some(line)) if c > 0 => {
                let p = Position { line, column: c as u32 };
                Some(map.map_or(p, |m| m.to_phicode(p)).column)
            }
            (c, _) => c.and_then(|c| u32::try_from(c).ok()),
        })
    };
    let offset = column("offset", Some(line))?;
    let end_line = value.getattr("end_lineno")?.extract::<Option<u32>>()?;
    let end_offset = column("end_offset", end_line)?;
    let text = phi_line(phi, line);
    let msg = value.getattr("msg")?;
    let filename = path.clone();
    value.setattr("filename", path)?;
    value.setattr("offset", offset)?;
    value.setattr("end_offset", end_offset)?;
    if let Some(text) = &text {
        value.setattr("text", text)?;
    }
    let details = (filename, line, offset, text, end_line, end_offset);
    let args = PyTuple::new(value.py(), [msg, details.into_pyobject(value.py())?.into_any()])?;
    value.setattr("args", args)
}

/// The first SyntaxError compiling `python` (converted from `phi` with `map`) would raise,
/// at its φ position (1-based line and column): `phicode check` reports what running would.
pub fn first_error(
    py: Python<'_>,
    python: &str,
    phi: &str,
    map: Option<&SourceMap>,
    name: &str,
) -> PyResult<Option<(Position, String)>> {
    let compile = py.import("builtins")?.getattr("compile")?;
    // Not the file's own name: CPython would read the error's line back from that file (the
    // φ text) and count the Python column's bytes in it, misplacing the column.
    let compiled = compile.call1((python, "<phicode check>", "exec", 0, true));
    let Err(error) = compiled else { return Ok(None) };
    if !error.is_instance_of::<PySyntaxError>(py) {
        return Err(error); // MemoryError, RecursionError: not a verdict on the code.
    }
    let name = pyo3::types::PyString::new(py, name).into_any();
    let error = remap(py, error, &name, phi, map);
    let value = error.value(py);
    let line = value.getattr("lineno")?.extract::<Option<u32>>()?.unwrap_or(1);
    let column = value.getattr("offset")?.extract::<Option<u32>>()?.unwrap_or(1).max(1);
    let kind = value.get_type().name()?;
    let msg: String = value.getattr("msg")?.extract()?;
    Ok(Some((Position { line, column }, format!("{kind}: {msg}"))))
}

/// Line `line` (1-based) of `text` with its line break normalized to `\n`, as CPython shows.
fn phi_line(text: &str, line: u32) -> Option<String> {
    let index = LineIndex::new(text);
    let start = index.line_start(line.checked_sub(1)? as usize)?;
    let end = index.line_start(line as usize).unwrap_or(text.len());
    let body = text.get(start..end)?.trim_end_matches(['\r', '\n']);
    Some(format!("{body}\n"))
}
