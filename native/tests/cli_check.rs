//! `phicode check`: lexical errors and dialect conflicts, with positions and exit codes.
#![allow(clippy::unwrap_used)]

mod common;

use common::{DIALECT_WITH_CONFLICT, Project};
use predicates::prelude::*;

#[test]
fn clean_files_pass_silently() {
    let p = Project::new();
    p.write("a.φ", "¿ ✓: π(1)\n");
    p.write("b.φ", "∀ i ∈ ⟪(3): ⋯\n");
    p.phicode(&["check", "a.φ", "b.φ"]).assert().code(0).stdout("").stderr("");
}

#[test]
fn every_lexical_error_of_every_file_is_reported() {
    let p = Project::new();
    p.write("a.φ", "x = 'abc\ny = 1\nz = \"\"\"never closed\n");
    p.write("b.φ", "π(f\"{x\")\n");
    p.write("ok.φ", "π(1)\n");
    p.phicode(&["check", "a.φ", "ok.φ", "b.φ"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a.φ:1:5: error: unterminated string literal"))
        .stderr(predicate::str::contains(
            "a.φ:3:5: error: unterminated triple-quoted string literal",
        ))
        .stderr(predicate::str::contains("b.φ:1:"));
}

#[test]
fn dialect_conflicts_point_into_the_json_once() {
    let p = Project::new();
    p.write(".(φ)/config.json", DIALECT_WITH_CONFLICT);
    p.write("a.φ", "si ✓: imprimir(1)\n");
    p.write("b.φ", "si ⊥: ⋯\n");
    let assert = p.phicode(&["check", "a.φ", "b.φ"]).assert().code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        ".(φ)/config.json:5:14: error: the symbol `¿` for `while` already means `if` (a default symbol)\n"
    );
}

#[test]
fn missing_file_does_not_stop_the_others() {
    let p = Project::new();
    p.write("bad.φ", "x = 'open\n");
    p.phicode(&["check", "missing.φ", "bad.φ"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read missing.φ"))
        .stderr(predicate::str::contains("bad.φ:1:5: error"));
}

#[test]
fn broken_config_json_is_exit_2_with_position() {
    let p = Project::new();
    p.write(".phicode/config.json", "{\n  \"symbols\": {\"if\": \"si\",}\n}\n");
    p.write("a.φ", "π(1)\n");
    p.phicode(&["check", "a.φ"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(".phicode/config.json:2:"));
}

#[test]
fn a_python_syntax_error_is_reported_at_its_phi_line_and_column() {
    let p = Project::new();
    p.write("missing_colon.φ", "x = 1\n¿ x ≡ 1\n    π(x)\n");
    p.write("stray_return.φ", "⟲ 5\n");
    p.write("fine.φ", "ƒ f(x): ⟲ x\n");
    p.phicode(&["check", "missing_colon.φ", "stray_return.φ", "fine.φ"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "missing_colon.φ:2:8: error: SyntaxError: expected ':'\n\
             stray_return.φ:1:1: error: SyntaxError: 'return' outside function\n",
        );
}
