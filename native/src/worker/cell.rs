//! φ cells: the Python a cell becomes, and the code objects and SyntaxErrors of that
//! Python moved back to the cell's φ lines and columns (the machinery `phicode run` uses
//! for `.φ` modules).

use phicode_core::{Options, SourceMap, SymbolTable, to_python_with};
use pyo3::prelude::*;

use crate::embed::{positions, syntax};

/// A converted φ cell.
#[pyclass(frozen, module = "_phicode_worker")]
pub struct PhiCell {
    phi: String,
    /// The Python text (line N is φ line N).
    #[pyo3(get)]
    python: String,
    map: Option<SourceMap>,
}

#[pymethods]
impl PhiCell {
    /// `code` (and its nested code objects) with φ columns.
    fn remap<'py>(&self, code: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        match &self.map {
            Some(map) => {
                positions::remap(code, &positions::Texts::new(&self.phi, &self.python, map))
            }
            None => Ok(code.clone()),
        }
    }

    /// Moves a SyntaxError raised compiling `python` to the φ line, column and text.
    fn fix_syntax_error(&self, error: &Bound<'_, PyAny>, filename: &Bound<'_, PyAny>) {
        let py = error.py();
        let err = PyErr::from_value(error.clone());
        let _ = syntax::remap(py, err, filename, &self.phi, self.map.as_ref());
    }
}

/// Converts `code`; `None` when `force` is false and the code uses no φ symbol.
pub fn convert(table: &SymbolTable, code: &str, force: bool) -> Option<PhiCell> {
    let conversion = to_python_with(code, table, Options { source_map: true });
    if !force && conversion.symbols_used.is_empty() {
        return None;
    }
    Some(PhiCell { phi: code.to_owned(), python: conversion.code, map: conversion.source_map })
}
