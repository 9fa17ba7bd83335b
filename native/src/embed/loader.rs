//! Getting a φ module's code object: a valid cache entry, or transpile + compile (+ write
//! the entry). Errors surface as the exceptions CPython raises for `.py` files.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use phicode_core::{Options, SymbolTable, to_python_with};
use pyo3::exceptions::PySyntaxError;
use pyo3::marshal;
use pyo3::prelude::*;
use pyo3::types::PyCode;

use super::positions::Texts;
use crate::cache::{Cache, Invalid, Writer};
use crate::debug::{Debug, ms};

/// What every `get_code` call shares.
pub struct Runtime {
    /// The table φ modules are converted with.
    pub table: SymbolTable,
    /// The bytecode cache.
    pub cache: Cache,
    /// Writes new entries in the background.
    pub writer: Arc<Writer>,
    /// `--debug` output.
    pub debug: Debug,
    /// The bootstrap's `compile_phi(python_source, path)`.
    pub compile: Py<PyAny>,
}

/// The code object of the φ file named by `name` (a `str` path).
pub fn get_code<'py>(rt: &Runtime, name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = name.py();
    let started = Instant::now();
    let path: PathBuf = name.extract()?;
    let bytes = std::fs::read(&path).map_err(|e| os_error(py, &e, name))?;
    let key = rt.cache.key(&bytes);
    let entry = rt.cache.path_for(&path);
    let why = match &entry {
        Some(entry) => match cached(py, &rt.cache, entry, key) {
            Ok(code) => {
                // The entry may come from a copy of the project elsewhere, or from a twin
                // file (`x.phi` beside `x.φ`): its code must name this file, as CPython
                // makes a `.pyc`'s code name the `.py` it is loaded for.
                py.import("_imp")?.call_method1("_fix_co_filename", (&code, name))?;
                rt.debug
                    .note(|| format!("cache hit {} ({})", path.display(), ms(started.elapsed())));
                return Ok(code);
            }
            Err(why) => why,
        },
        None => Invalid::Missing,
    };
    let text = crate::input::decode(bytes, &path.display().to_string())
        .map_err(|e| PySyntaxError::new_err(e.to_string()))?;
    let source = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if let Some(at) = source.find('\0') {
        return Err(null_byte(source, at, name));
    }
    let transpiling = Instant::now();
    let conversion = to_python_with(source, &rt.table, Options { source_map: true });
    let transpiled = transpiling.elapsed();
    let code =
        rt.compile.bind(py).call1((conversion.code.as_str(), name)).map_err(|e| {
            super::syntax::remap(py, e, name, source, conversion.source_map.as_ref())
        })?;
    let code = match &conversion.source_map {
        Some(map) => super::positions::remap(&code, &Texts::new(source, &conversion.code, map))?,
        None => code,
    };
    let written = match entry {
        Some(entry) if rt.cache.write => {
            let payload = marshal::dumps(&code, marshal::VERSION)?;
            rt.writer.submit(entry, key, payload.as_bytes().to_vec());
            "queued"
        }
        Some(_) => "not written (PYTHONDONTWRITEBYTECODE)",
        None => "not written (no cache for this interpreter)",
    };
    rt.debug.note(|| {
        format!(
            "cache miss {} ({why}): transpile {}, total {}, entry {written}",
            path.display(),
            ms(transpiled),
            ms(started.elapsed())
        )
    });
    Ok(code)
}

/// A code object from a valid cache entry.
fn cached<'py>(
    py: Python<'py>,
    cache: &Cache,
    entry: &Path,
    key: u64,
) -> Result<Bound<'py, PyAny>, Invalid> {
    let payload = cache.read(entry, key)?;
    match marshal::loads(py, &payload) {
        Ok(code) if code.is_instance_of::<PyCode>() => Ok(code),
        _ => Err(Invalid::Corrupt),
    }
}

/// The `OSError` subclass CPython raises for this error, naming the file.
fn os_error(py: Python<'_>, error: &std::io::Error, name: &Bound<'_, PyAny>) -> PyErr {
    let raised = py
        .import("builtins")
        .and_then(|b| b.getattr("OSError"))
        .and_then(|kind| kind.call1((error.raw_os_error().unwrap_or(0), error.to_string(), name)));
    match raised {
        Ok(exception) => PyErr::from_value(exception),
        Err(e) => e,
    }
}

/// python3's SyntaxError for a file holding a NUL byte, at its line (compiling the text
/// would say "source code string cannot contain null bytes" with no file or line).
fn null_byte(source: &str, at: usize, name: &Bound<'_, PyAny>) -> PyErr {
    let line = source[..at].matches('\n').count() + 1;
    let start = source[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = source[at..].find('\n').map_or(source.len(), |n| at + n);
    let text = source[start..end].replace('\0', "");
    let place = (name.clone().unbind(), line, name.py().None(), text);
    PySyntaxError::new_err(("source code cannot contain null bytes", place))
}
