//! Ahead-of-time transpiling for external interpreters: the `.φ` files a program imports
//! from its folder (or, for a module or a folder, every one under it) become Python in one
//! bundle file the bootstrap reads at start, with each file's column map for SyntaxErrors.
//! Files outside it are converted on demand by the bootstrap.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use phicode_core::{Options, SymbolTable, to_python_with};

/// A bound on the walk, so running from a huge folder stays fast; the rest is on demand.
const MAX_FILES: usize = 5000;

/// The φ files of a program's tree and the Python they become.
#[derive(Debug, Default)]
pub struct Bundle {
    /// `(absolute path, Python text, column map text)`.
    pub files: Vec<(PathBuf, String, String)>,
    /// Whether the walk stopped at [`MAX_FILES`].
    pub truncated: bool,
}

impl Bundle {
    /// Transpiles the `.φ`/`.phi` files under `root` with `table`.
    pub fn collect(root: &Path, table: &SymbolTable) -> Self {
        let mut bundle = Self::default();
        let _ = phicode_sources::walk(root, |path| {
            if !phicode_sources::is_phicode(path) {
                return ControlFlow::Continue(());
            }
            if bundle.files.len() >= MAX_FILES {
                bundle.truncated = true;
                return ControlFlow::Break(());
            }
            if let Some(file) = transpile(path, table) {
                bundle.files.push(file);
            }
            ControlFlow::Continue(())
        });
        bundle
    }

    /// A bundle of the given transpiled files.
    pub fn of(files: Vec<(PathBuf, String, String)>) -> Self {
        Self { files, truncated: false }
    }

    /// Writes the bundle: per file `path\0srclen\0maplen\n`, the Python, the map.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        for (path, python, map) in &self.files {
            out.write_all(path.as_os_str().as_encoded_bytes())?;
            writeln!(out, "\0{}\0{}", python.len(), map.len())?;
            out.write_all(python.as_bytes())?;
            out.write_all(map.as_bytes())?;
        }
        Ok(())
    }

    /// The Python text of every file (for the import scan of `--interpreter auto`).
    pub fn sources(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().map(|(p, s, _)| (p.as_path(), s.as_str()))
    }
}

/// One file's Python and column map (`line c l pc pl ...` per line with symbols); a file
/// that is not UTF-8 is left to the bootstrap, which reports it as CPython would.
pub fn transpile(path: &Path, table: &SymbolTable) -> Option<(PathBuf, String, String)> {
    let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let conversion = to_python_with(text, table, Options { source_map: true });
    let mut map = String::new();
    for line in conversion.source_map.iter().flat_map(|m| m.lines()) {
        map.push_str(&line.line.to_string());
        for s in line.segments {
            let cols = [s.phicode_column, s.phicode_len, s.python_column, s.python_len];
            for n in cols {
                map.push(' ');
                map.push_str(&n.to_string());
            }
        }
        map.push('\n');
    }
    let absolute = std::path::absolute(path).ok()?;
    Some((absolute, conversion.code, map))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn walks_the_tree_skipping_caches_and_hidden_folders() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("a.φ", "π(1)\n"),
            ("pkg/b.phi", "¿ x: ⋯\n"),
            (".git/c.φ", ""),
            ("__pycache__/d.φ", ""),
            ("e.py", ""),
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let bundle = Bundle::collect(dir.path(), &SymbolTable::new());
        let mut names: Vec<_> = bundle
            .sources()
            .map(|(p, s)| (p.strip_prefix(dir.path()).unwrap().to_path_buf(), s.to_string()))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [("a.φ".into(), "print(1)\n".into()), ("pkg/b.phi".into(), "if x: pass\n".into())]
        );
        let mut bytes = Vec::new();
        bundle.write_to(&mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let a = format!("{}\x009\x0010\nprint(1)\n1 1 1 1 5\n", dir.path().join("a.φ").display());
        assert!(text.contains(&a), "{text:?}");
    }
}
