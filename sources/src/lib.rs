//! Finding the sources of a folder tree, as `phicode run` (the φ modules a program may
//! import, converted ahead of time) and `phicode lsp` (the files a workspace's Python server
//! sees) both do: the same folders skipped, and a bound, so a tree opened at `/` stalls
//! neither.

use std::ops::ControlFlow;
use std::path::Path;

/// Folders never searched, besides hidden ones and virtual environments: caches,
/// dependency trees and build output hold no sources of the project's own.
pub const SKIPPED: [&str; 5] =
    ["__pycache__", "node_modules", "site-packages", "dist-packages", "target"];

/// Whether `path` is a φ source (`.φ`, or `.phi` where `φ` is awkward to type).
pub fn is_phicode(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("φ" | "phi"))
}

/// Whether `path` is a Python source or stub.
pub fn is_python(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("py" | "pyi"))
}

/// Calls `visit` with every file under `root` outside the skipped folders, until it says
/// [`ControlFlow::Break`]; whether it did. Unreadable folders are passed over.
pub fn walk(root: &Path, mut visit: impl FnMut(&Path) -> ControlFlow<()>) -> ControlFlow<()> {
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if searched(&path) {
                    folders.push(path);
                }
            } else {
                visit(&path)?;
            }
        }
    }
    ControlFlow::Continue(())
}

/// Whether the folder `path` is searched: not hidden, not skipped, not a virtual
/// environment (its `pyvenv.cfg` says so, whatever its name).
fn searched(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    !name.starts_with('.') && !SKIPPED.contains(&name.as_ref()) && !path.join("pyvenv.cfg").exists()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        for file in files {
            let path = root.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        root
    }

    fn found(root: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let _ = walk(root, |path| {
            found.push(path.strip_prefix(root).unwrap().to_path_buf());
            ControlFlow::Continue(())
        });
        found.sort();
        found
    }

    #[test]
    fn hidden_skipped_and_venv_folders_are_not_searched() {
        let root = tree(&[
            "a.φ",
            "pkg/b.phi",
            "pkg/c.py",
            ".git/d.φ",
            "node_modules/e.φ",
            "target/f.φ",
            "env/pyvenv.cfg",
            "env/lib/g.py",
            "pkg/__pycache__/h.pyc",
        ]);
        let expected: Vec<PathBuf> = ["a.φ", "pkg/b.phi", "pkg/c.py"].map(PathBuf::from).into();
        assert_eq!(found(root.path()), expected);
    }

    #[test]
    fn the_visitor_stops_the_walk() {
        let root = tree(&["a.φ", "b.φ", "c/d.φ"]);
        let mut seen = 0;
        let flow = walk(root.path(), |_| {
            seen += 1;
            if seen == 2 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert_eq!((flow, seen), (ControlFlow::Break(()), 2));
        assert!(is_phicode(Path::new("x.phi")) && is_python(Path::new("x.pyi")));
        assert!(!is_phicode(Path::new("x.py")) && !is_python(Path::new("φ")));
    }
}
