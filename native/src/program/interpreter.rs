//! Which interpreter runs a program: the embedded CPython (always the default), or an
//! external one chosen by `--python`, `--pypy`, `--interpreter`; `PHITON_PATH` and
//! `PHIPY_PATH` name the external CPython and PyPy.

use std::path::{Path, PathBuf};

use crate::cli::{InterpreterArgs, InterpreterChoice};
use crate::error::Error;

/// The interpreter that will run the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interpreter {
    /// The CPython inside this binary.
    Embedded,
    /// A separate interpreter program.
    External(PathBuf),
}

/// The PyPy to use: `PHIPY_PATH`, else `pypy3` on PATH.
pub fn pypy() -> Option<PathBuf> {
    from_env("PHIPY_PATH").or_else(|| on_path("pypy3"))
}

/// The external CPython to use: `PHITON_PATH`, else `python3` on PATH.
pub fn cpython() -> Option<PathBuf> {
    from_env("PHITON_PATH").or_else(|| on_path("python3"))
}

fn from_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// `name` looked up in PATH, as a shell would (first executable file wins).
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

fn runnable(path: PathBuf, var: &str) -> Result<PathBuf, Error> {
    if is_executable(&path) {
        Ok(path)
    } else {
        Err(Error::Usage(format!(
            "{} (from {var}) is not an executable interpreter",
            path.display()
        )))
    }
}

/// Whether `path` is an executable file.
pub fn exists(path: &Path) -> bool {
    is_executable(path)
}

/// The interpreter the flags ask for. `auto` is decided later, from the program's imports.
pub fn requested(args: &InterpreterArgs) -> Result<Option<Interpreter>, Error> {
    let missing = |what: &str, var: &str, program: &str| {
        Error::Usage(format!("{what} not found: install `{program}` or set {var}"))
    };
    if let Some(path) = &args.python {
        let found = if path.components().count() == 1 {
            on_path(&path.to_string_lossy()).unwrap_or_else(|| path.clone())
        } else {
            path.clone()
        };
        if !is_executable(&found) {
            return Err(Error::Usage(format!("--python {}: no such interpreter", path.display())));
        }
        return Ok(Some(Interpreter::External(found)));
    }
    let choice = if args.pypy { Some(InterpreterChoice::Pypy) } else { args.interpreter };
    Ok(match choice {
        None | Some(InterpreterChoice::Embedded) => Some(Interpreter::Embedded),
        Some(InterpreterChoice::Pypy) => {
            let found = pypy().ok_or_else(|| missing("PyPy", "PHIPY_PATH", "pypy3"))?;
            Some(Interpreter::External(runnable(found, "PHIPY_PATH")?))
        }
        Some(InterpreterChoice::Cpython) => {
            let found = cpython().ok_or_else(|| missing("CPython", "PHITON_PATH", "python3"))?;
            Some(Interpreter::External(runnable(found, "PHITON_PATH")?))
        }
        Some(InterpreterChoice::Auto) => None,
    })
}
