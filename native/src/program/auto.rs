//! `--interpreter auto`: PyPy when it is installed and the program imports no package built
//! on CPython C extensions, the embedded CPython otherwise, with the reason for `--debug`.

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

/// The choice and why.
pub fn choose<'a>(sources: impl Iterator<Item = (&'a Path, &'a str)>) -> (Interpreter, String) {
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
    let why =
        format!("{} is installed and the program imports no C-extension package", pypy.display());
    (Interpreter::External(pypy), why)
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
