//! Config discovery, `--config`, `PHICODE_STRICT` and `PHICODE_VALIDATION`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{DIALECT_WITH_CONFLICT, Project};
use predicates::prelude::*;

const CONFLICT_WARNING: &str = ".(φ)/config.json:5:14: warning: the symbol `¿` for `while` already means `if` (a default symbol)\n";

#[test]
fn config_is_found_from_the_input_folder_upward() {
    let p = Project::new();
    p.write(".phicode/config.json", r#"{"symbols": {"if": "si", "print": "imprimir"}}"#);
    p.write("src/deep/app.φ", "si x: imprimir(1)\n");
    p.phicode(&["convert", "src/deep/app.φ"]).assert().success().stdout("if x: print(1)\n");
    p.write("src/.(φ)/config.json", r#"{"symbols": {"if": "wenn"}}"#);
    p.phicode(&["convert", "src/deep/app.φ"]).assert().success().stdout("si x: imprimir(1)\n");
}

#[test]
fn discovery_stops_at_the_project_root() {
    let outer = Project::new();
    outer.write(".phicode/config.json", r#"{"symbols": {"if": "si"}}"#);
    outer.write("inner/.git/HEAD", "");
    outer.write("inner/app.φ", "si x: ⋯\n");
    outer.phicode(&["convert", "inner/app.φ"]).assert().success().stdout("si x: pass\n");
}

#[test]
fn lenient_mode_warns_and_drops_the_bad_entry() {
    let p = Project::new();
    p.write(".(φ)/config.json", DIALECT_WITH_CONFLICT);
    p.write("app.φ", "si ✓: imprimir(1)\n");
    p.phicode(&["convert", "app.φ"])
        .assert()
        .success()
        .stdout("if True: print(1)\n")
        .stderr(CONFLICT_WARNING);
}

#[test]
fn validation_off_silences_warnings_but_still_drops() {
    let p = Project::new();
    p.write(".(φ)/config.json", DIALECT_WITH_CONFLICT);
    p.write("app.φ", "¿ ✓: imprimir(1)\n");
    p.phicode(&["convert", "app.φ"])
        .env("PHICODE_VALIDATION", "false")
        .assert()
        .success()
        .stdout("if True: print(1)\n")
        .stderr("");
}

#[test]
fn strict_mode_refuses_with_exit_2_and_position() {
    let p = Project::new();
    p.write(".(φ)/config.json", DIALECT_WITH_CONFLICT);
    p.write("app.φ", "si ✓: imprimir(1)\n");
    for value in ["true", "1"] {
        p.phicode(&["convert", "app.φ"])
            .env("PHICODE_STRICT", value)
            .assert()
            .code(2)
            .stdout("")
            .stderr(CONFLICT_WARNING.replace("warning", "error"));
    }
}

#[test]
fn invalid_json_is_exit_2_with_line_and_column() {
    let p = Project::new();
    let config = p.write("dialect.json", "{\"symbols\": {\n  \"if\": si\n}}\n");
    p.write("app.φ", "π(1)\n");
    p.phicode(&["convert", "--config", config.to_str().unwrap(), "app.φ"])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"^dialect\.json:2:9: error: expected value").unwrap());
}

#[test]
fn missing_explicit_config_is_named() {
    let p = Project::new();
    p.write("app.φ", "π(1)\n");
    p.phicode(&["convert", "--config", "nope.json", "app.φ"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot read nope.json"));
}

#[test]
fn a_config_with_a_byte_order_mark_is_read_and_its_positions_ignore_the_mark() {
    let p = Project::new();
    p.write(
        ".(φ)/config.json",
        "\u{feff}{\"symbols\": {\"print\": \"imprimir\", \"while\": \"¿\"}}",
    );
    p.write("app.φ", "imprimir(1)\n");
    p.phicode(&["convert", "app.φ"])
        .assert()
        .success()
        .stdout("print(1)\n")
        .stderr(predicate::str::contains(".(φ)/config.json:1:44: warning: the symbol `¿`"));
}

#[test]
fn a_config_that_is_a_folder_is_an_error_not_a_silent_fallback() {
    let outer = Project::new();
    outer.write(".phicode/config.json", r#"{"symbols": {"if": "si"}}"#);
    std::fs::create_dir_all(outer.path().join("src/.(φ)/config.json")).unwrap();
    outer.write("src/app.φ", "si x: ⋯\n");
    outer
        .phicode(&["convert", "src/app.φ"])
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains("config.json: Is a directory"));
}
