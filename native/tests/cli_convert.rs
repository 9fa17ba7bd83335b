//! `phicode convert`: both directions, stdin, refusals with positions, atomic `-o`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Project, phicode};
use predicates::prelude::*;

#[test]
fn phi_file_becomes_python_on_stdout() {
    let p = Project::new();
    p.write("app.φ", "¿x∈xs∧¬y: π(f\"{ℓ(xs)}\")\n");
    p.phicode(&["convert", "app.φ"])
        .assert()
        .success()
        .stdout("if x in xs and not y: print(f\"{len(xs)}\")\n")
        .stderr("");
}

#[test]
fn py_file_becomes_phicode_and_phi_extension_is_accepted() {
    let p = Project::new();
    p.write("app.py", "for i in range(3):\n    print(i)\n");
    p.write("old.phi", "∀ i ∈ ⟪(3): ⋯\n");
    p.phicode(&["convert", "app.py"]).assert().success().stdout("∀ i ∈ ⟪(3):\n    π(i)\n");
    p.phicode(&["convert", "old.phi"]).assert().success().stdout("for i in range(3): pass\n");
}

#[test]
fn stdin_defaults_to_python_and_to_overrides() {
    phicode()
        .args(["convert", "-"])
        .write_stdin("λx: x ≔ 1\n")
        .assert()
        .success()
        .stdout("lambda x: x := 1\n");
    phicode()
        .args(["convert", "--to", "phicode"])
        .write_stdin("while True: break\n")
        .assert()
        .success()
        .stdout("↻ ✓: ⇲\n");
}

#[test]
fn refusals_list_every_problem_with_file_line_col() {
    let p = Project::new();
    p.write("bad.py", "π = 3.14\nx = 1\ny = π\n");
    p.phicode(&["convert", "bad.py"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("bad.py:1:1: error: the name `π`"))
        .stderr(predicate::str::contains("bad.py:3:5: error: the name `π`"));
}

#[test]
fn unterminated_string_is_a_warning_and_output_is_complete() {
    let p = Project::new();
    p.write("s.φ", "x = 'abc ¿\n¿ y: ⋯\n");
    p.phicode(&["convert", "s.φ"])
        .assert()
        .success()
        .stdout("x = 'abc ¿\nif y: pass\n")
        .stderr("s.φ:1:5: warning: unterminated string literal\n");
}

#[test]
fn output_file_is_written_whole_and_refusal_leaves_it_untouched() {
    let p = Project::new();
    p.write("ok.φ", "π(1)\n");
    p.write("bad.py", "π = 1\n");
    p.phicode(&["convert", "ok.φ", "-o", "out.txt"]).assert().success().stdout("");
    assert_eq!(p.read("out.txt"), "print(1)\n");
    p.phicode(&["convert", "bad.py", "-o", "out.txt"]).assert().code(1);
    assert_eq!(p.read("out.txt"), "print(1)\n");
    p.phicode(&["convert", "bad.py", "-o", "new.txt"]).assert().code(1);
    assert!(!p.path().join("new.txt").exists());
    let names: Vec<_> =
        std::fs::read_dir(p.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{names:?}");
}

#[test]
fn output_into_a_missing_folder_names_it() {
    let p = Project::new();
    p.write("ok.φ", "π(1)\n");
    p.phicode(&["convert", "ok.φ", "-o", "no/such/out.py"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write no/such/out.py"));
}

#[cfg(unix)]
#[test]
fn output_keeps_an_existing_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::new();
    p.write("ok.φ", "π(1)\n");
    let out = p.write("run.py", "old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    p.phicode(&["convert", "ok.φ", "-o", "run.py"]).assert().success();
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o755);
    assert_eq!(p.read("run.py"), "print(1)\n");
}

#[test]
fn missing_and_non_utf8_inputs_are_named() {
    let p = Project::new();
    p.phicode(&["convert", "nope.φ"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read nope.φ"));
    p.write("latin.φ", b"x = 1\n\xCF\x80('caf\xe9')\n");
    p.phicode(&["convert", "latin.φ"]).assert().code(1).stdout("").stderr(
        "latin.φ:2:7: error: invalid UTF-8 (byte offset 13); φ and Python sources are UTF-8\n",
    );
}

#[test]
fn unknown_extension_asks_for_a_direction() {
    let p = Project::new();
    p.write("notes.txt", "π(1)\n");
    p.phicode(&["convert", "notes.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--to python"));
    p.phicode(&["convert", "--to", "python", "notes.txt"]).assert().success().stdout("print(1)\n");
}
