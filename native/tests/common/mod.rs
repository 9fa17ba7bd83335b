//! Helpers shared by the integration tests: a project folder and the `phicode` command.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary project: a folder with `.git`, so config discovery never leaves it.
pub struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `relative`, creating folders, and returns the full path.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(relative)).unwrap()
    }

    /// `phicode ARGS` run in the project folder with a clean phicode environment.
    pub fn phicode(&self, args: &[&str]) -> Command {
        let mut cmd = phicode();
        cmd.current_dir(self.path()).args(args);
        cmd
    }
}

/// The binary under test, with the environment variables that change its behaviour removed.
pub fn phicode() -> Command {
    let mut cmd = Command::cargo_bin("phicode").unwrap();
    for var in ["PHICODE_STRICT", "PHICODE_VALIDATION", "PHITON_PATH", "PHIPY_PATH"] {
        cmd.env_remove(var);
    }
    cmd
}

/// A Spanish dialect and one entry that conflicts with a default (`¿` already means `if`).
pub const DIALECT_WITH_CONFLICT: &str = r#"{
  "symbols": {
    "if": "si",
    "print": "imprimir",
    "while": "¿"
  }
}
"#;
