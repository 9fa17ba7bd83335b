//! The host side of the bootstrap: the Rust function Python calls for a φ module's code, and
//! the interpreter facts (cache tag, magic number, `PYTHONPYCACHEPREFIX`, ...) it needs.

use std::path::PathBuf;
use std::sync::Arc;

use phicode_core::SymbolTable;
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyModule};

use super::loader::{self, Runtime};
use crate::cache::{Cache, Writer, dialect_fingerprint};
use crate::debug::Debug;

/// `get_code(path) -> code`: the φ file at `path`, from the cache or freshly compiled.
pub fn get_code_function<'py>(
    py: Python<'py>,
    boot: &Bound<'py, PyModule>,
    table: SymbolTable,
    debug: Debug,
) -> PyResult<(Bound<'py, PyCFunction>, Arc<Writer>)> {
    let cache = interpreter_cache(py, boot, &table)?;
    let writer = Arc::new(Writer::new(cache.clone(), debug));
    let compile = boot.getattr("compile_phi")?.unbind();
    let runtime = Arc::new(Runtime { table, cache, writer: Arc::clone(&writer), debug, compile });
    let function = PyCFunction::new_closure(
        py,
        Some(c"get_code"),
        Some(c"The code object of a φ module (cached, or transpiled and compiled)."),
        move |args, _kwargs| -> PyResult<Py<PyAny>> {
            let path = args.get_item(0)?;
            loader::get_code(&runtime, &path).map(Bound::unbind)
        },
    )?;
    Ok((function, writer))
}

/// `python_source(path) -> str`: the Python a φ file becomes (for `inspect`).
pub fn python_source_function<'py>(
    py: Python<'py>,
    table: SymbolTable,
) -> PyResult<Bound<'py, PyCFunction>> {
    PyCFunction::new_closure(
        py,
        Some(c"python_source"),
        Some(c"The Python text a φ file transpiles to."),
        move |args, _kwargs| -> PyResult<String> {
            let path: PathBuf = args.get_item(0)?.extract()?;
            let bytes = std::fs::read(&path)?;
            Ok(as_python(&String::from_utf8_lossy(&bytes), &table))
        },
    )
}

/// φ text as Python, a leading byte-order mark dropped as Python drops it.
fn as_python(text: &str, table: &SymbolTable) -> String {
    phicode_core::to_python(text.strip_prefix('\u{feff}').unwrap_or(text), table)
}

/// `phi_to_python(text) -> str`: φ text as Python (for φ modules inside zip archives).
pub fn text_function<'py>(
    py: Python<'py>,
    table: SymbolTable,
) -> PyResult<Bound<'py, PyCFunction>> {
    PyCFunction::new_closure(
        py,
        Some(c"phi_to_python"),
        Some(c"φ text as Python."),
        move |args, _kwargs| -> PyResult<String> {
            let text: String = args.get_item(0)?.extract()?;
            Ok(as_python(&text, &table))
        },
    )
}

/// `phi_segment(text) -> (python, offsets)`: one line of φ as Python, with the φ character
/// offset of each Python character offset (and of the end), so anchors found in the Python
/// (`~~~^~~~` under a binary operator) can be drawn under the φ.
pub fn segment_function<'py>(
    py: Python<'py>,
    table: SymbolTable,
) -> PyResult<Bound<'py, PyCFunction>> {
    PyCFunction::new_closure(
        py,
        Some(c"phi_segment"),
        Some(c"A line of φ as Python, with the φ offset of each Python offset."),
        move |args, _kwargs| -> PyResult<(String, Vec<u32>)> {
            let text: String = args.get_item(0)?.extract()?;
            let options = phicode_core::Options { source_map: true };
            let conversion = phicode_core::to_python_with(&text, &table, options);
            let python_chars = conversion.code.chars().count() as u32;
            let offsets = (0..=python_chars)
                .map(|at| match &conversion.source_map {
                    Some(map) => {
                        let python = phicode_core::Position { line: 1, column: at + 1 };
                        map.to_phicode(python).column.saturating_sub(1)
                    }
                    None => at,
                })
                .collect();
            Ok((conversion.code, offsets))
        },
    )
}

/// The cache settings of the running interpreter, as CPython's own pyc cache sees them.
fn interpreter_cache(
    py: Python<'_>,
    boot: &Bound<'_, PyModule>,
    table: &SymbolTable,
) -> PyResult<Cache> {
    let sys = py.import("sys")?;
    let tag: Option<String> = sys.getattr("implementation")?.getattr("cache_tag")?.extract()?;
    let prefix: Option<PathBuf> = sys.getattr("pycache_prefix")?.extract()?;
    let write = !sys.getattr("dont_write_bytecode")?.extract::<bool>()?;
    let optimize: i64 = sys.getattr("flags")?.getattr("optimize")?.extract()?;
    let magic: Vec<u8> = boot.getattr("_bx")?.getattr("MAGIC_NUMBER")?.extract()?;
    let magic: [u8; 4] = magic.get(..4).and_then(|m| m.try_into().ok()).unwrap_or([0; 4]);
    let seed =
        Cache::seed(tag.as_deref().unwrap_or(""), magic, optimize, dialect_fingerprint(table));
    Ok(Cache { tag, prefix, write, magic, seed })
}
