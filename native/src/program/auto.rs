//! `--interpreter auto`: PyPy when it is installed, the program imports no package built on
//! CPython C extensions and uses no syntax newer than PyPy's Python; the embedded CPython
//! otherwise, with the reason for `--debug`. The program is its main file and what it imports.

use std::path::{Path, PathBuf};

use super::interpreter::{self, Interpreter};

/// Top-level packages whose speed or existence depends on CPython C extensions.
const C_EXTENSION_PACKAGES: [&str; 28] = [
    "numpy",
    "pandas",
    "scipy",
    "torch",
    "tensorflow",
    "sklearn",
    "matplotlib",
    "cv2",
    "PIL",
    "lxml",
    "psycopg2",
    "pyarrow",
    "numba",
    "jax",
    "jaxlib",
    "h5py",
    "polars",
    "shapely",
    "orjson",
    "ujson",
    "pydantic_core",
    "cryptography",
    "zmq",
    "gevent",
    "uvloop",
    "grpc",
    "tokenizers",
    "onnxruntime",
];

/// The choice and why, from the Python of the files the program imports.
pub fn choose(sources: &[(PathBuf, String)]) -> (Interpreter, String) {
    let Some(pypy) = interpreter::pypy().filter(|p| interpreter::exists(p)) else {
        return (Interpreter::Embedded, "PyPy is not installed".into());
    };
    for (path, source) in sources {
        for (line, module) in imports(source) {
            if C_EXTENSION_PACKAGES.contains(&module) {
                let why =
                    format!("{}:{line} imports {module}, a C-extension package", path.display());
                return (Interpreter::Embedded, why);
            }
        }
    }
    let newest = sources
        .iter()
        .filter_map(|(p, s)| newer_syntax(s).map(|n| (p, n)))
        .max_by_key(|(_, n)| n.1);
    if let Some((path, (line, needs, what))) = newest {
        let has = python_version(&pypy);
        if has.is_none_or(|has| has < needs) {
            let has = has.map_or("an unknown Python".into(), |(a, b)| format!("Python {a}.{b}"));
            let why = format!(
                "{}:{line} uses {what}, from Python {}.{}; {} is {has}",
                path.display(),
                needs.0,
                needs.1,
                pypy.display()
            );
            return (Interpreter::Embedded, why);
        }
    }
    let why =
        format!("{} is installed and the program imports no C-extension package", pypy.display());
    (Interpreter::External(pypy), why)
}

/// The first statement of `source` that needs a Python newer than 3.9 (PyPy's, today):
/// (line, version, what). A line-based look, as for imports: statements that start a line.
fn newer_syntax(source: &str) -> Option<(usize, (u32, u32), &'static str)> {
    source.lines().enumerate().find_map(|(n, line)| {
        let line = line.trim();
        let opens_block = line.ends_with(':');
        let starts = |word: &str| {
            line.strip_prefix(word).is_some_and(|r| r.starts_with([' ', '(', '[', '{']))
        };
        if line.starts_with("except*") || line.starts_with("except *") {
            Some((n + 1, (3, 11), "except*"))
        } else if opens_block && starts("match") {
            Some((n + 1, (3, 10), "a match statement"))
        } else if starts("type") && line.contains('=') && !line.contains("==") {
            Some((n + 1, (3, 12), "a type statement"))
        } else {
            None
        }
    })
}

/// `interpreter`'s Python version, asked of it (only when the program needs a new one).
fn python_version(interpreter: &Path) -> Option<(u32, u32)> {
    let out = std::process::Command::new(interpreter)
        .args(["-c", "import sys; print('%d %d' % sys.version_info[:2])"])
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut parts = text.split_whitespace().map(str::parse::<u32>);
    Some((parts.next()?.ok()?, parts.next()?.ok()?))
}

/// The top-level modules named by `import`/`from` statements, with their lines.
pub fn imports(source: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let line = line.trim_start();
        let names = if let Some(rest) = line.strip_prefix("import ") {
            rest.split(',').collect::<Vec<_>>()
        } else if let Some(rest) = line.strip_prefix("from ") {
            vec![rest.split(" import").next().unwrap_or("")]
        } else {
            continue;
        };
        for name in names {
            let top = name.trim().split(['.', ' ', ';']).next().unwrap_or("");
            if !top.is_empty() {
                found.push((n + 1, top));
            }
        }
    }
    found
}

/// A file that is not φ (a `.py` program) scanned the same way.
pub fn read_py(path: &Path) -> Option<(PathBuf, String)> {
    Some((path.to_path_buf(), std::fs::read_to_string(path).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_imports() {
        let src = "import os, numpy.linalg as la\nfrom pandas import DataFrame\nfrom . import x\n  import json\nx = 'import torch'\n";
        assert_eq!(imports(src), [(1, "os"), (1, "numpy"), (2, "pandas"), (4, "json")]);
    }
}
