//! `phicode config init|show|reset` and `phicode interpreters`.
#![allow(clippy::unwrap_used)]

mod common;

use common::Project;
use predicates::prelude::*;

#[test]
fn init_show_reset() {
    let p = Project::new();
    p.phicode(&["config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("config: none"));
    p.phicode(&["config", "init"]).assert().success().stdout("created .(φ)/config.json\n");
    assert!(p.read(".(φ)/config.json").contains("\"symbols\": {}"));
    p.phicode(&["config", "init"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    p.write(".(φ)/config.json", "{\"symbols\": {\"if\": \"si\", \"while\": \"¿\"}}\n");
    p.phicode(&["config", "show"])
        .assert()
        .success()
        .stdout("config: .(φ)/config.json\ndialect entries: 1\n  si -> if\n")
        .stderr(predicate::str::starts_with(".(φ)/config.json:1:35: warning: the symbol `¿`"));
    p.phicode(&["config", "show"]).env("PHICODE_STRICT", "true").assert().code(2);
    p.phicode(&["config", "reset"]).assert().success().stdout("reset .(φ)/config.json\n");
    assert!(p.read(".(φ)/config.json").contains("\"symbols\": {}"));
    p.phicode(&["config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("dialect entries: 0"));
}

#[test]
fn reset_finds_the_config_that_applies_from_a_subfolder() {
    let p = Project::new();
    p.write(".phicode/config.json", "{\"symbols\": {\"if\": \"si\"}}");
    std::fs::create_dir_all(p.path().join("src")).unwrap();
    let mut cmd = common::phicode();
    cmd.current_dir(p.path().join("src")).args(["config", "reset"]);
    cmd.assert().success();
    assert!(p.read(".phicode/config.json").contains("\"symbols\": {}"));
}

#[test]
fn interpreters_lists_embedded_cpython_and_pypy_with_versions() {
    let p = Project::new();
    let out = p.phicode(&["interpreters"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("embedded  CPython 3.") && lines[0].ends_with("(default)"),
        "{text}"
    );
    assert!(lines[1].starts_with("cpython"), "{text}");
    assert!(
        lines[2].starts_with("pypy")
            && lines[2].contains("PyPy 7.")
            && lines[2].contains("(Python 3."),
        "{text}"
    );
    let missing = p.phicode(&["interpreters"]).env("PHIPY_PATH", "/nonexistent").assert().success();
    let text = String::from_utf8(missing.get_output().stdout.clone()).unwrap();
    assert!(text.lines().nth(2).unwrap().contains("not found"), "{text}");
}
