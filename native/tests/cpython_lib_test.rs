//! CPython's own test modules, converted to φ and run with `phicode`, report what python3
//! reports for the same module run as a script: the same number of tests, and the same
//! verdict (OK, or which failures and errors, and skips).
//!
//! Left out, because they assert what φ changes on purpose: `test_contextlib`,
//! `test_contextlib_async`, `test_coroutines` and `test_exceptions` compare traceback
//! lines or warning text with Python source, or look for `test_*.py` in file names (φ
//! tracebacks show φ); `test_fstring` names a variable `tenπ`, which Python → φ refuses
//! (`π` is a symbol); `test_patma` runs nothing as a script.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/twins.rs"]
mod twins;

use std::path::Path;
use std::process::Command;

use twins::PYTHON;

/// The modules: the language, the data model, typing, enum, dataclass-like machinery,
/// functools, itertools, contextlib's neighbours, `with`.
const MODULES: [&str; 33] = [
    "abc",
    "augassign",
    "bool",
    "class",
    "collections",
    "decorators",
    "descr",
    "dictcomps",
    "enum",
    "enumerate",
    "float",
    "functools",
    "generators",
    "genexps",
    "grammar",
    "int",
    "int_literal",
    "itertools",
    "keywordonlyarg",
    "listcomps",
    "named_expressions",
    "opcodes",
    "operator",
    "property",
    "raise",
    "scope",
    "setcomps",
    "string",
    "string_literals",
    "types",
    "typing",
    "unpack",
    "with",
];

/// `Ran N tests` and the verdict line (`OK (skipped=2)`, `FAILED (failures=1)`).
fn summary(output: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Ran ") || l.starts_with("OK") || l.starts_with("FAILED"))
        .map(|l| l.split(" in ").next().unwrap_or(l))
        .collect();
    lines.join(" / ")
}

fn lib_test() -> std::path::PathBuf {
    let out = Command::new(PYTHON)
        .args(["-c", "import test, os; print(os.path.dirname(test.__file__))"])
        .output()
        .unwrap();
    let folder = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(!folder.is_empty(), "{PYTHON} has no `test` package (Lib/test)");
    folder.into()
}

fn run_both(source: &Path, module: &str) -> (String, String) {
    let py = tempfile::tempdir().unwrap();
    let phi = tempfile::tempdir().unwrap();
    let script = py.path().join(format!("test_{module}.py"));
    std::fs::copy(source, &script).unwrap();
    let phi_file = phi.path().join(format!("test_{module}.φ"));
    let converted = common::phicode()
        .args(["convert", "--to", "phicode"])
        .arg(source)
        .arg("-o")
        .arg(&phi_file)
        .output()
        .unwrap();
    assert!(converted.status.success(), "{module}: {}", String::from_utf8_lossy(&converted.stderr));
    let python = Command::new(PYTHON).arg(&script).current_dir(py.path()).output().unwrap();
    let phicode = common::phicode().arg(&phi_file).current_dir(phi.path()).output().unwrap();
    (summary(&python), summary(&phicode))
}

#[test]
fn cpythons_test_modules_report_the_same_as_python3() {
    let folder = lib_test();
    let mut different = Vec::new();
    for module in MODULES {
        let (python, phicode) = run_both(&folder.join(format!("test_{module}.py")), module);
        assert!(python.starts_with("Ran "), "test_{module}.py reported nothing: {python:?}");
        if python != phicode {
            different.push(format!("test_{module}: python3 [{python}], phicode [{phicode}]"));
        }
    }
    assert!(different.is_empty(), "{}", different.join("\n"));
}
