//! Python → φ → Python over every `.py` file of the installed CPython standard library, then
//! Python's own tokenize as an independent oracle over the φ outputs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use phicode_core::SymbolTable;
use phicode_tests::TOKENIZE_ORACLE;
use phicode_tests::python::Python;
use phicode_tests::stdlib::{Counts, Outcome, kind, python_files, round_trip, verify_refusal};
use serde::Deserialize;

#[derive(Deserialize)]
struct OracleReport {
    version: (u32, u32),
    checked: usize,
    violations: Vec<Violation>,
    failed: Vec<Failure>,
}

#[derive(Deserialize, Debug)]
struct Violation {
    path: String,
    line: u32,
    column: u32,
    token: String,
    problem: String,
}

#[derive(Deserialize, Debug)]
struct Failure {
    path: String,
    error: String,
}

fn stdlib_root(python3: &Python) -> PathBuf {
    let script = "import sysconfig; print(sysconfig.get_paths()['stdlib'])";
    let out = python3.run(script, "").expect("python3 reports its stdlib");
    PathBuf::from(out.trim())
}

/// Runs the oracle over `files` with `python`; returns its report.
fn oracle(python: &Python, table: &SymbolTable, files: &[PathBuf]) -> OracleReport {
    let words: Vec<&str> = table
        .entries()
        .iter()
        .map(|e| e.python.as_str())
        .filter(|w| w.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .collect();
    let from: Vec<&str> =
        table.entries().iter().filter(|e| e.python == "from").map(|e| e.symbol.as_str()).collect();
    let request = serde_json::json!({"words": words, "from_spellings": from, "files": files});
    let out = python.run(TOKENIZE_ORACLE, &request.to_string()).expect("the tokenize oracle runs");
    let report: OracleReport = serde_json::from_str(&out).expect("the oracle prints JSON");
    assert_eq!(report.version, python.version, "{}", python.describe());
    assert_eq!(report.checked, files.len());
    report
}

#[test]
fn stdlib_round_trips_and_the_oracle_finds_no_mapped_word() {
    let python3 = Python::default_python3().expect("python3");
    let root = stdlib_root(&python3);
    let files = python_files(&root).expect("the stdlib folder is readable");
    assert!(files.len() > 500, "{} holds only {} .py files", root.display(), files.len());
    let table = SymbolTable::new();
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let mut counts = Counts::default();
    let (mut mismatches, mut bad_refusals, mut outputs) = (Vec::new(), Vec::new(), Vec::new());
    let mut originals = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("a stdlib file is readable");
        let name = path.strip_prefix(&root).unwrap_or(path).display().to_string();
        counts.files += 1;
        match round_trip(&bytes, &table) {
            Outcome::Identical(phi) => {
                counts.identical += 1;
                let out = out_dir.path().join(format!("{}.φ", outputs.len()));
                std::fs::write(&out, phi).expect("writing a φ output");
                outputs.push(out);
                originals.push(name);
            }
            Outcome::Refused(problems) => {
                let source = String::from_utf8_lossy(&bytes);
                let mut kinds: Vec<&str> = problems.iter().map(|p| kind(&p.error)).collect();
                kinds.sort_unstable();
                kinds.dedup();
                for k in kinds {
                    *counts.refused.entry(k).or_default() += 1;
                }
                for problem in &problems {
                    if let Some(why) = verify_refusal(&source, problem) {
                        bad_refusals.push(format!("{name}: {problem}: {why}"));
                    }
                }
                let first = problems.first().map(ToString::to_string).unwrap_or_default();
                println!("refused {name}: {} problem(s), first {first}", problems.len());
            }
            Outcome::NotUtf8 => {
                counts.not_utf8 += 1;
                println!("not UTF-8: {name}");
            }
            Outcome::Mismatch { line, expected, actual } => {
                counts.mismatches += 1;
                mismatches.push(format!(
                    "{name}:{line}:\n  expected {expected:?}\n  actual   {actual:?}"
                ));
            }
        }
    }
    let violations = run_oracle(&table, &outputs, &originals);
    println!(
        "stdlib {}: {} files, {} identical, refused {:?}, {} not UTF-8, {} mismatches, {} oracle violations",
        root.display(),
        counts.files,
        counts.identical,
        counts.refused,
        counts.not_utf8,
        counts.mismatches,
        violations.len()
    );
    let failures = [
        ("round trips that changed a file", mismatches),
        ("refusals that point at the wrong place", bad_refusals),
        ("mapped words left in φ code (tokenize oracle)", violations),
    ];
    let report: Vec<String> = failures
        .iter()
        .filter(|(_, found)| !found.is_empty())
        .map(|(what, found)| format!("{} {what}, first ones:\n{}", found.len(), first_lines(found)))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

fn first_lines(found: &[String]) -> String {
    found.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
}

/// The oracle over every φ output: Python 3.12's tokenize (which reads f-string fields as
/// code), then the machine's python3 over the files 3.12 could not tokenize.
fn run_oracle(table: &SymbolTable, outputs: &[PathBuf], originals: &[String]) -> Vec<String> {
    let name_of = |path: &str| {
        let index = Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.parse::<usize>().ok());
        index.and_then(|i| originals.get(i)).cloned().unwrap_or_else(|| path.to_string())
    };
    let py312 = Python::find((3, 12)).expect("Python 3.12 for the oracle");
    let first = oracle(&py312, table, outputs);
    let mut violations: Vec<Violation> = first.violations;
    let mut failed = first.failed;
    if !failed.is_empty() {
        let python3 = Python::default_python3().expect("python3");
        let retry: Vec<PathBuf> = failed.iter().map(|f| PathBuf::from(&f.path)).collect();
        let second = oracle(&python3, table, &retry);
        violations.extend(second.violations);
        for f in &failed {
            println!(
                "oracle: {} not tokenized by 3.12 ({}); retried with {}",
                name_of(&f.path),
                f.error,
                python3.describe()
            );
        }
        failed = second.failed;
    }
    for f in &failed {
        println!(
            "oracle: {} stops early: {} (tokens before the error were checked)",
            name_of(&f.path),
            f.error
        );
    }
    violations
        .iter()
        .map(|v| {
            format!("{}:{}:{}: {} `{}`", name_of(&v.path), v.line, v.column, v.problem, v.token)
        })
        .collect()
}

/// The oracle itself must see what it is there to see: words left in code (also inside
/// f-string fields and after `from .`), a `:=` left in code; and spare attributes, strings,
/// comments.
#[test]
fn oracle_flags_words_in_code_and_spares_attributes_strings_comments() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("0.φ");
    let text = "¿ x: print(1)\nobj.print(2) + (obj).len + f(x).max\n← . import y\n\
                π(a := 1)\ns = f\"{len(x)}\" + \"if\"  # if\n";
    std::fs::write(&file, text).expect("writing the sample");
    let table = SymbolTable::new();
    let py312 = Python::find((3, 12)).expect("Python 3.12 for the oracle");
    let report = oracle(&py312, &table, std::slice::from_ref(&file));
    let found: Vec<(u32, u32, &str, &str)> = report
        .violations
        .iter()
        .map(|v| (v.line, v.column, v.token.as_str(), v.problem.as_str()))
        .collect();
    let expected = [
        (1, 6, "print", "word"),
        (3, 5, "import", "word"),
        (4, 5, ":=", "walrus"),
        (5, 8, "len", "word"),
    ];
    assert_eq!(found, expected);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
}
