//! Every corpus `.py` compiles (or fails to, where its sidecar says so) under each Python
//! from its `min_python` up to 3.14, one interpreter process per version. A case that needs
//! a newer Python must also fail under the version just before it, so `min_python` is honest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use phicode_tests::COMPILE_CHECK;
use phicode_tests::corpus::{Case, corpus_dir, load};
use phicode_tests::python::{Python, VERSIONS};
use serde::Deserialize;

#[derive(Deserialize)]
struct Report {
    version: (u32, u32),
    results: Vec<Compiled>,
}

#[derive(Deserialize)]
struct Compiled {
    name: String,
    ok: bool,
    line: Option<u32>,
    message: String,
}

/// What compiling `case` under `version` must give: `Ok(())`, or a SyntaxError on a line
/// (`Err(None)`: any line, for a version older than the case needs).
fn expectation(case: &Case, version: (u32, u32)) -> Option<Result<(), Option<u32>>> {
    case.py.as_ref()?;
    let min = case.min_python().expect("valid min_python");
    let before_min = VERSIONS.iter().rev().find(|v| **v < min).copied();
    if version < min {
        return (Some(version) == before_min).then_some(Err(None));
    }
    if case.spec.compiles == Some(false) {
        return Some(Err(case.spec.syntax_error_line));
    }
    Some(Ok(()))
}

fn compile_all(version: (u32, u32), cases: &[Case]) -> Result<(String, Vec<String>), String> {
    let python = Python::find(version).map_err(|e| e.to_string())?;
    let chosen: Vec<(&Case, Result<(), Option<u32>>)> =
        cases.iter().filter_map(|c| expectation(c, version).map(|e| (c, e))).collect();
    let request: Vec<serde_json::Value> = chosen
        .iter()
        .map(|(c, _)| serde_json::json!({"name": format!("{}.py", c.name), "source": c.py}))
        .collect();
    let input = serde_json::Value::Array(request).to_string();
    let out = python.run(COMPILE_CHECK, &input).map_err(|e| e.to_string())?;
    let report: Report = serde_json::from_str(&out).map_err(|e| format!("{e}: {out}"))?;
    if report.version != version || report.results.len() != chosen.len() {
        return Err(format!("{} answered for {:?}", python.describe(), report.version));
    }
    let mut failures = Vec::new();
    for ((case, expected), got) in chosen.iter().zip(&report.results) {
        let fine = match expected {
            Ok(()) => got.ok,
            Err(None) => !got.ok,
            Err(Some(line)) => !got.ok && got.line == Some(*line),
        };
        if !fine || got.name != format!("{}.py", case.name) {
            let v = format!("{}.{}", version.0, version.1);
            let (line, message) = (got.line, &got.message);
            failures.push(format!(
                "{}: Python {v} expected {expected:?}, got ok={} line={line:?} {message}",
                got.name, got.ok
            ));
        }
    }
    let summary = format!("{}: {} file(s)", python.describe(), chosen.len());
    Ok((summary, failures))
}

#[test]
fn corpus_python_compiles_under_every_version_it_claims() {
    let cases = load(&corpus_dir()).expect("the corpus follows its format");
    let cases = &cases;
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            VERSIONS.iter().map(|&v| scope.spawn(move || compile_all(v, cases))).collect();
        handles.into_iter().map(|h| h.join().expect("no panic")).collect()
    });
    let mut failures = Vec::new();
    for result in results {
        match result {
            Ok((summary, mut found)) => {
                println!("{summary}");
                failures.append(&mut found);
            }
            Err(error) => failures.push(error),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
