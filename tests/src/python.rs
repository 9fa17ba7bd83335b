//! Finding the Python interpreters the tests check against (3.11 to 3.14) and running one
//! script in one process over many inputs.
//!
//! CPython 3.11–3.13 come from `PATH` (`python3.X`) or pyenv (`$PYENV_ROOT/versions/3.X.*`).
//! No CPython 3.14 is installable on this machine kind, so 3.14 (needed for t-strings) is
//! CPython compiled to WebAssembly: the npm package `pyodide`, run by Node, installed by
//! `scripts/setup.d/25-corpus.sh`. A missing interpreter is an error, never a skip.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The CPython version inside the pinned Pyodide (`scripts/pyodide/package.json`).
const PYODIDE_VERSION: (u32, u32) = (3, 14);

/// The Python versions the corpus is compiled with, oldest first.
pub const VERSIONS: [(u32, u32); 4] = [(3, 11), (3, 12), (3, 13), (3, 14)];

/// Why an interpreter could not be found or run.
#[derive(Debug, thiserror::Error)]
pub enum PythonError {
    /// No interpreter of the version is installed where the tests look.
    #[error(
        "Python {0}.{1} is required but was not found ({2}); run `bash scripts/setup.sh` (scripts/setup.d/25-corpus.sh)"
    )]
    Missing(u32, u32, String),
    /// The process could not start or its pipes failed.
    #[error("could not run {0}: {1}")]
    Spawn(String, std::io::Error),
    /// The script exited with a failure.
    #[error("{0} failed ({1}):\n{2}")]
    Failed(String, std::process::ExitStatus, String),
}

/// How to start an interpreter.
#[derive(Debug, Clone)]
enum Launcher {
    /// A CPython executable: `python -I -c SCRIPT`.
    Native(PathBuf),
    /// Node running `run.mjs SCRIPT_FILE`, which loads Pyodide.
    Pyodide { node: PathBuf, runner: PathBuf },
}

/// One Python interpreter of a known version.
#[derive(Debug, Clone)]
pub struct Python {
    /// `(major, minor)`.
    pub version: (u32, u32),
    launcher: Launcher,
}

impl Python {
    /// The machine's `python3`, whatever its version.
    pub fn default_python3() -> Result<Self, PythonError> {
        let path = PathBuf::from("python3");
        let version = native_version(&path)
            .ok_or_else(|| PythonError::Missing(3, 0, "no `python3` on PATH".into()))?;
        Ok(Self { version, launcher: Launcher::Native(path) })
    }

    /// An interpreter of exactly `version`.
    pub fn find(version: (u32, u32)) -> Result<Self, PythonError> {
        if version == PYODIDE_VERSION {
            return pyodide(version);
        }
        let name = format!("python{}.{}", version.0, version.1);
        let mut candidates = vec![PathBuf::from(&name)];
        candidates.extend(pyenv_candidates(version, &name));
        candidates
            .into_iter()
            .find(|path| native_version(path) == Some(version))
            .map(|path| Self { version, launcher: Launcher::Native(path) })
            .ok_or_else(|| {
                let looked = format!("looked for `{name}` on PATH and in pyenv's versions");
                PythonError::Missing(version.0, version.1, looked)
            })
    }

    /// A name for messages (`Python 3.12 (/root/.pyenv/...)`).
    pub fn describe(&self) -> String {
        let how = match &self.launcher {
            Launcher::Native(path) => path.display().to_string(),
            Launcher::Pyodide { .. } => "Pyodide under Node".to_string(),
        };
        format!("Python {}.{} ({how})", self.version.0, self.version.1)
    }

    /// Runs `script` once with `input` on its standard input (Pyodide: in the global
    /// `PHICODE_INPUT`); returns its standard output.
    pub fn run(&self, script: &str, input: &str) -> Result<String, PythonError> {
        let file;
        let mut command = match &self.launcher {
            Launcher::Native(path) => {
                let mut c = Command::new(path);
                c.args(["-I", "-c", script]);
                c
            }
            Launcher::Pyodide { node, runner } => {
                file = tempfile::NamedTempFile::new()
                    .map_err(|e| PythonError::Spawn("a temporary file".into(), e))?;
                std::fs::write(file.path(), script)
                    .map_err(|e| PythonError::Spawn("a temporary file".into(), e))?;
                let mut c = Command::new(node);
                c.arg(runner).arg(file.path());
                c
            }
        };
        let name = self.describe();
        let spawn_error = |e| PythonError::Spawn(name.clone(), e);
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        // Writing from a thread: a large input must not deadlock against a full stdout pipe.
        let mut stdin = child.stdin.take();
        let input = input.to_owned();
        let writer = std::thread::spawn(move || match stdin.as_mut() {
            Some(pipe) => pipe.write_all(input.as_bytes()),
            None => Ok(()),
        });
        let output = child.wait_with_output().map_err(spawn_error)?;
        let written = writer.join().unwrap_or(Ok(()));
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if !output.status.success() {
            return Err(PythonError::Failed(name, output.status, stderr));
        }
        written.map_err(spawn_error)?;
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

fn native_version(path: &Path) -> Option<(u32, u32)> {
    let output = Command::new(path)
        .args(["-c", "import sys; print(*sys.version_info[:2])"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut parts = text.split_whitespace().map(str::parse::<u32>);
    match (parts.next(), parts.next()) {
        (Some(Ok(major)), Some(Ok(minor))) if output.status.success() => Some((major, minor)),
        _ => None,
    }
}

fn pyenv_candidates(version: (u32, u32), name: &str) -> Vec<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pyenv")));
    let Some(versions) = root.map(|r| r.join("versions")) else {
        return Vec::new();
    };
    let prefix = format!("{}.{}.", version.0, version.1);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&versions)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .map(|entry| entry.path().join("bin").join(name))
        .collect();
    found.sort();
    found.reverse(); // Newest patch release first (good enough for single-digit patches too).
    found
}

/// The folder holding the Pyodide runner and its `node_modules`.
pub fn pyodide_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pyodide")
}

fn pyodide(version: (u32, u32)) -> Result<Python, PythonError> {
    let dir = pyodide_dir();
    let missing = |why: String| PythonError::Missing(version.0, version.1, why);
    let installed = dir.join("node_modules/pyodide/package.json");
    if !installed.is_file() {
        return Err(missing(format!(
            "Pyodide is not installed: {} is missing",
            installed.display()
        )));
    }
    let node = PathBuf::from("node");
    let runs = Command::new(&node).arg("--version").output().is_ok_and(|o| o.status.success());
    if !runs {
        return Err(missing("`node` is not on PATH (needed to run Pyodide)".into()));
    }
    Ok(Python { version, launcher: Launcher::Pyodide { node, runner: dir.join("run.mjs") } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_version_is_an_error_naming_the_setup_script() {
        let error = Python::find((3, 99)).expect_err("no Python 3.99 anywhere");
        let message = error.to_string();
        assert!(message.contains("Python 3.99 is required"), "{message}");
        assert!(message.contains("scripts/setup.d/25-corpus.sh"), "{message}");
    }

    #[test]
    fn runs_a_script_with_input() {
        let python = Python::default_python3().expect("python3");
        let out = python.run("import sys; print(sys.stdin.read().upper())", "φ ok").expect("runs");
        assert_eq!(out.trim(), "Φ OK");
    }
}
