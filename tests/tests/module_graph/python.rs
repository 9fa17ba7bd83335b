//! The module graph of a Python package (the engine `phicode worker` embeds): a node is a
//! `.py` file of the package folder (`__init__` is the package itself); an edge is an
//! import of a sibling, at the top of a file or inside a function alike (a lazy import
//! hides a cycle, it does not remove one): `from .x import y`, `from . import x`,
//! `from PACKAGE.x import y`, `import PACKAGE.x`.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Graph, GraphError, Site};

impl Graph {
    /// The graph of the package in `base/folder`, imported as `package`.
    pub fn python_package(base: &Path, folder: &Path, package: &str) -> Result<Self, GraphError> {
        let dir = base.join(folder);
        let read = |file: &Path| {
            std::fs::read_to_string(file)
                .map_err(|source| GraphError::Read { file: file.to_path_buf(), source })
        };
        let entries = std::fs::read_dir(&dir)
            .map_err(|source| GraphError::Read { file: dir.clone(), source })?;
        let mut modules: Vec<String> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
            .collect();
        modules.sort();
        let mut edges = BTreeMap::new();
        for (from, module) in modules.iter().enumerate() {
            let file = folder.join(format!("{module}.py"));
            for (number, line) in read(&base.join(&file))?.lines().enumerate() {
                for target in imported(line.trim(), package) {
                    let name = if modules.contains(&target) { target } else { "__init__".into() };
                    let to = modules.iter().position(|m| *m == name);
                    if let Some(to) = to.filter(|&to| to != from) {
                        let site = Site { file: file.clone(), line: number + 1 };
                        edges.entry((from, to)).or_insert(site);
                    }
                }
            }
        }
        Ok(Self { modules, edges })
    }
}

/// The sibling modules one line imports (empty for any other line).
fn imported(line: &str, package: &str) -> Vec<String> {
    let absolute = format!("{package}.");
    if let Some(rest) = line.strip_prefix("from ") {
        let Some((source, names)) = rest.split_once(" import ") else { return Vec::new() };
        let source = match source {
            s if s == package => Some(""),
            s => s.strip_prefix(&absolute).or_else(|| s.strip_prefix('.')),
        };
        return match source {
            // `from . import a, b as c`: each name may be a sibling module.
            Some("") => names
                .trim_matches(|c| c == '(' || c == ')')
                .split(',')
                .filter_map(|n| n.split_whitespace().next().map(str::to_owned))
                .collect(),
            Some(module) => vec![module.split('.').next().unwrap_or(module).to_owned()],
            None => Vec::new(),
        };
    }
    match line.strip_prefix("import ") {
        Some(names) => names
            .split(',')
            .filter_map(|n| n.split_whitespace().next()?.strip_prefix(&absolute))
            .map(|m| m.split('.').next().unwrap_or(m).to_owned())
            .collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::imported;

    #[test]
    fn imports_of_siblings_are_found_in_every_spelling() {
        let p = "_pkg";
        assert_eq!(imported("from .cells import PYTHON_OF", p), ["cells"]);
        assert_eq!(imported("from . import editing, interact as i", p), ["editing", "interact"]);
        assert_eq!(imported("from _pkg.context import Context", p), ["context"]);
        assert_eq!(imported("import _pkg.runner, os", p), ["runner"]);
        assert_eq!(imported("from _pkg import x", p), ["x"]);
        assert!(imported("import asyncio", p).is_empty());
        assert!(imported("from asyncio import run", p).is_empty());
    }
}
