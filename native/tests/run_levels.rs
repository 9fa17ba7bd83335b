//! `phicode run --level`: the program runs confined in a child, with a clean environment
//! and a scratch folder that is removed afterwards; its exit status is passed on.
#![allow(clippy::unwrap_used)]

mod common;

use common::Project;

const PROGRAM: &str = "\
⇒ os, sys
π(open(os.path.join(os.path.dirname(__file__), 'data.txt')).read().strip())
∴:
    open(sys.argv[1])
⛒ PermissionError ↦ e:
    π('refused', e.filename)
π(sorted(os.environ))
π(os.getcwd())
sys.exit(3)
";

#[test]
fn restricted_reads_its_own_folder_and_nothing_else_with_a_clean_environment() {
    let p = Project::new();
    p.write("main.φ", PROGRAM);
    p.write("data.txt", "next to the program\n");
    let secret = p.write("secret.txt", "no");
    let outside = tempfile::NamedTempFile::new().unwrap();
    let out = p
        .phicode(&["run", "--level", "restricted", "main.φ"])
        .arg(outside.path())
        .env("SECRET_TOKEN", "hunter2")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(out.status.code(), Some(3), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(lines[0], "next to the program");
    assert_eq!(lines[1], format!("refused {}", outside.path().display()));
    assert_eq!(lines[2], "['HOME', 'LANG', 'PATH', 'TMPDIR']");
    // Its working folder was a scratch folder, gone once it ended.
    assert!(lines[3].contains("phicode-scratch-"), "{}", lines[3]);
    assert!(!std::path::Path::new(lines[3]).exists());
    drop(secret);
}

#[test]
fn trusted_keeps_the_environment_and_may_start_programs() {
    let p = Project::new();
    p.write(
        "main.φ",
        "⇒ os, subprocess\nπ(os.environ['SECRET_TOKEN'])\nsubprocess.run(['true'], check=✓)\n",
    );
    let out = p
        .phicode(&["run", "--level", "trusted", "main.φ"])
        .env("SECRET_TOKEN", "hunter2")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "hunter2\n");
}

#[test]
fn sandbox_and_external_interpreters_are_refused_with_a_reason() {
    let p = Project::new();
    p.write("main.φ", "π(1)\n");
    let out = p.phicode(&["run", "--level", "sandbox", "main.φ"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("repl --level sandbox"));
    let out = p.phicode(&["run", "--level", "restricted", "--pypy", "main.φ"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("embedded interpreter only"));
    let out = p.phicode(&["run", "--level", "root", "main.φ"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown level `root`"));
}
