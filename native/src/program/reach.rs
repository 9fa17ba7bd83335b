//! The files a program can import from its own folder, found from its main file by
//! following its imports: what `--interpreter auto` judges, rather than every φ file that
//! happens to sit somewhere under the program's folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::auto::imports;

/// Suffixes a module file may have, in the order the import hook prefers them.
const SUFFIXES: [&str; 3] = [".φ", ".phi", ".py"];

/// `(path, Python text)` of `main` and of every module of `root` it imports, directly or
/// not. `python_of` gives a file's Python (φ files transpiled, only as they are reached;
/// `.py` files read).
pub fn reachable(
    main: (&Path, &str),
    root: &Path,
    python_of: &mut dyn FnMut(&Path) -> Option<String>,
) -> Vec<(PathBuf, String)> {
    let mut found = vec![(main.0.to_path_buf(), main.1.to_string())];
    let mut seen: BTreeSet<PathBuf> = BTreeSet::from([main.0.to_path_buf()]);
    let mut next = 0;
    while next < found.len() {
        let (file, source) = (found[next].0.clone(), found[next].1.clone());
        next += 1;
        for (_, module) in imports(&source) {
            for path in module_files(root, file.parent().unwrap_or(root), module) {
                if !seen.insert(path.clone()) {
                    continue;
                }
                if let Some(text) = python_of(&path) {
                    found.push((path, text));
                }
            }
        }
    }
    found
}

/// The files of top-level module `module` (and of its package's `__init__`) in `root` or,
/// for a module beside the importing file, in `here`.
fn module_files(root: &Path, here: &Path, module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for base in [root, here] {
        for suffix in SUFFIXES {
            let file = base.join(format!("{module}{suffix}"));
            if file.is_file() {
                files.push(file);
            }
            let init = base.join(module).join(format!("__init__{suffix}"));
            if init.is_file() {
                files.push(init);
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn only_what_the_main_file_imports_counts() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            path
        };
        let main = write("main.φ", "");
        let helper = write("helper.φ", "");
        let pkg = write("pkg/__init__.py", "import deep\n");
        let deep = write("deep.phi", "");
        write("unrelated/tool.φ", "import numpy\n");
        let transpiled: HashMap<PathBuf, &str> =
            HashMap::from([(helper.clone(), "import pkg\n"), (deep.clone(), "x = 1\n")]);
        let mut asked = Vec::new();
        let mut python_of = |path: &Path| {
            asked.push(path.to_path_buf());
            transpiled
                .get(path)
                .map(|t| (*t).to_string())
                .or_else(|| std::fs::read_to_string(path).ok())
        };
        let got = reachable((&main, "import helper, os\n"), dir.path(), &mut python_of);
        let paths: Vec<_> = got.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(paths, [main, helper.clone(), pkg.clone(), deep.clone()]);
        // Nothing else was transpiled or read: `unrelated/tool.φ` never was.
        assert_eq!(asked, [helper, pkg, deep]);
    }
}
