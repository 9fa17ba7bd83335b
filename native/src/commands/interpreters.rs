//! `phicode interpreters`: the interpreters phicode can run programs with, and versions.

use std::path::Path;
use std::process::{Command, ExitCode};

use pyo3::prelude::*;

use super::emit::emit;
use crate::error::Error;
use crate::program::interpreter::{cpython, exists, pypy};

/// Asks an external interpreter what it is: `PyPy 7.3.11 (Python 3.9.16)`, `CPython 3.11.2`.
const PROBE: &str = "import sys; i = sys.implementation; v = '%d.%d.%d' % sys.version_info[:3]; \
    w = '%d.%d.%d' % i.version[:3]; n = {'cpython': 'CPython', 'pypy': 'PyPy'}.get(i.name, i.name); \
    print(n, w if w == v else w + ' (Python ' + v + ')')";

/// Prints one line per interpreter.
pub fn run() -> Result<ExitCode, Error> {
    let mut rows = vec![["embedded".to_string(), embedded_version(), embedded_where()]];
    for (name, found, var, program) in
        [("cpython", cpython(), "PHITON_PATH", "python3"), ("pypy", pypy(), "PHIPY_PATH", "pypy3")]
    {
        let source =
            if std::env::var_os(var).is_some_and(|v| !v.is_empty()) { var } else { "PATH" };
        let row = match found.filter(|p| exists(p)) {
            Some(path) => {
                [name.into(), probe(&path), format!("{} (from {source})", path.display())]
            }
            None => [name.into(), "not found".into(), format!("install {program} or set {var}")],
        };
        rows.push(row);
    }
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1) = (width(0), width(1));
    let mut out = String::new();
    for [name, version, place] in &rows {
        out.push_str(&format!("{name:w0$}  {version:w1$}  {place}\n"));
    }
    emit(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

fn probe(path: &Path) -> String {
    match Command::new(path).args(["-c", PROBE]).output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(out) => format!("unusable (exit {})", out.status),
        Err(e) => format!("unusable ({e})"),
    }
}

/// The embedded interpreter's own report (starting it is cheap; nothing runs after).
fn embedded_version() -> String {
    crate::embed::preinit::like_python3();
    Python::initialize();
    Python::attach(|py| {
        let version = py.version_info();
        format!("CPython {}.{}.{}", version.major, version.minor, version.patch)
    })
}

fn embedded_where() -> String {
    let built = option_env!("PHICODE_PYTHON_EXECUTABLE").unwrap_or("");
    format!("inside phicode, built against {built} (default)")
}
