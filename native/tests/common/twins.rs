//! φ programs and their Python twins: the same tree written twice, once as φ (for phicode)
//! and once converted to `.py` (for python3), and the two runs compared.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use phicode_core::{SymbolTable, to_python};

/// The CPython phicode embeds (the same build on both sides of a comparison).
pub const PYTHON: &str = env!("PHICODE_PYTHON_EXECUTABLE");

/// A program tree: `phi/` holds the φ files, `py/` the same files converted to Python.
pub struct Twins {
    root: tempfile::TempDir,
}

impl Twins {
    /// Writes `files` (`(relative path, φ or Python text)`); `.φ` files get `.py` twins.
    pub fn new(files: &[(&str, &str)]) -> Self {
        let root = tempfile::tempdir().unwrap();
        let table = SymbolTable::new();
        for (name, text) in files {
            write(&root.path().join("phi").join(name), text);
            let twin = match name.strip_suffix(".φ") {
                Some(stem) => (format!("{stem}.py"), to_python(text, &table)),
                None => ((*name).to_string(), (*text).to_string()),
            };
            write(&root.path().join("py").join(twin.0), &twin.1);
        }
        Self { root }
    }

    pub fn phi(&self) -> PathBuf {
        self.root.path().join("phi")
    }

    pub fn py(&self) -> PathBuf {
        self.root.path().join("py")
    }

    /// `phicode ARGS` in `phi/`.
    pub fn phicode(&self, args: &[&str], stdin: &str) -> Output {
        let exe = assert_cmd::cargo::cargo_bin("phicode");
        run(Command::new(exe).args(args).current_dir(self.phi()), stdin)
    }

    /// `INTERPRETER ARGS` in `py/` (`.φ` in the arguments read as `.py`).
    pub fn python(&self, interpreter: &str, args: &[&str], stdin: &str) -> Output {
        let args: Vec<String> = args.iter().map(|a| a.replace(".φ", ".py")).collect();
        run(Command::new(interpreter).args(&args).current_dir(self.py()), stdin)
    }

    /// `phicode ARGS` against `python3 ARGS` (the CPython phicode embeds).
    pub fn assert_same(&self, args: &[&str], stdin: &str) -> Output {
        self.assert_same_on(&[], PYTHON, args, stdin)
    }

    /// `phicode --pypy ARGS` against `pypy3 ARGS`.
    pub fn assert_same_on_pypy(&self, args: &[&str], stdin: &str) -> Output {
        self.assert_same_on(&["--pypy"], "pypy3", args, stdin)
    }

    /// `phicode FLAGS ARGS` against `INTERPRETER ARGS`: the same stdout, exit status and
    /// (normalized) stderr.
    pub fn assert_same_on(
        &self,
        flags: &[&str],
        interpreter: &str,
        args: &[&str],
        stdin: &str,
    ) -> Output {
        let phi_args: Vec<&str> = flags.iter().chain(args).copied().collect();
        let phi = self.phicode(&phi_args, stdin);
        let py = self.python(interpreter, args, stdin);
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        assert_eq!(
            text(&phi.stdout),
            text(&py.stdout),
            "stdout differs; stderr: {}",
            text(&phi.stderr)
        );
        assert_eq!(
            self.normalize(&phi.stderr, "phi"),
            self.normalize(&py.stderr, "py"),
            "stderr differs"
        );
        assert_eq!(phi.status.code(), py.status.code(), "exit status differs");
        phi
    }

    /// Stderr with folders as `<root>`, `.φ` as `.py`, symbols as Python words, and caret
    /// lines dropped (their columns are checked by dedicated tests).
    fn normalize(&self, stderr: &[u8], side: &str) -> String {
        let text = String::from_utf8_lossy(stderr);
        let folder = self.root.path().join(side).display().to_string();
        let table = SymbolTable::new();
        text.lines()
            .filter(|l| !l.trim().chars().all(|c| c == '^' || c == '~') || l.trim().is_empty())
            .map(|l| to_python(&l.replace(&folder, "<root>").replace(".φ", ".py"), &table))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs `command` with `stdin`, without phicode/Python settings from the caller.
pub fn run(command: &mut Command, stdin: &str) -> Output {
    for var in ["PHICODE_STRICT", "PHICODE_VALIDATION", "PYTHONPYCACHEPREFIX", "PYTHONSTARTUP"] {
        command.env_remove(var);
    }
    command.env("PYTHONDONTWRITEBYTECODE", "1");
    command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}
