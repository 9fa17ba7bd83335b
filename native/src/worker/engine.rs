//! The engine package (`_phicode_engine`), imported from the sources embedded in the binary
//! (`crate::python::ENGINE`) by a meta path finder of its own: its modules import each
//! other as any package's do, and every frame of theirs carries the one file name that
//! tracebacks shown to users are trimmed by.

use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule};

use crate::python::{ENGINE, ENGINE_FILE, ENGINE_PACKAGE};

/// The finder and loader of the engine package's modules.
#[pyclass(frozen, module = "_phicode_worker")]
struct EngineImporter;

/// The embedded source of module `fullname`, if it is the package's.
fn source_of(fullname: &str) -> Option<&'static str> {
    let module = match fullname.strip_prefix(ENGINE_PACKAGE)? {
        "" => "__init__",
        rest => rest.strip_prefix('.').filter(|m| *m != "__init__")?,
    };
    ENGINE.iter().find(|(name, _)| *name == module).map(|(_, source)| *source)
}

#[pymethods]
impl EngineImporter {
    #[pyo3(signature = (fullname, path=None, target=None))]
    fn find_spec<'py>(
        slf: &Bound<'py, Self>,
        fullname: &str,
        path: Option<&Bound<'py, PyAny>>,
        target: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let _ = (path, target);
        if source_of(fullname).is_none() {
            return Ok(None);
        }
        let py = slf.py();
        let kwargs = PyDict::new(py);
        kwargs.set_item("is_package", fullname == ENGINE_PACKAGE)?;
        let machinery = py.import("importlib.machinery")?;
        machinery.getattr("ModuleSpec")?.call((fullname, slf), Some(&kwargs)).map(Some)
    }

    /// The default module object.
    fn create_module(&self, _spec: &Bound<'_, PyAny>) -> Option<()> {
        None
    }

    fn exec_module(&self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = module.py();
        let name: String = module.getattr("__name__")?.extract()?;
        let source = source_of(&name)
            .ok_or_else(|| PyImportError::new_err(format!("no engine module {name}")))?;
        let builtins = py.import("builtins")?;
        let code = builtins.getattr("compile")?.call1((source, ENGINE_FILE, "exec"))?;
        builtins.getattr("exec")?.call1((code, module.dict()))?;
        Ok(())
    }
}

/// Makes the package importable and imports `module` of it (`engine`, the entry point).
pub fn import<'py>(py: Python<'py>, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let meta_path = py.import("sys")?.getattr("meta_path")?;
    meta_path.call_method1("insert", (0, Bound::new(py, EngineImporter)?))?;
    py.import(format!("{ENGINE_PACKAGE}.{module}"))
}
