//! Locales as python3 meets them (PEP 538 coerces a C locale to C.UTF-8, PEP 540 turns
//! UTF-8 mode on, `PYTHONUTF8` and `PYTHONCOERCECLOCALE` are honoured): a φ program that
//! imports a standard-library module, under `env -i` and each setting, prints what the
//! same program prints under python3; and a session's worker starts under `env -i` too.
#![allow(clippy::unwrap_used)]

use std::process::Command;

/// The CPython phicode embeds (the same build on both sides of a comparison).
const PYTHON: &str = env!("PHICODE_PYTHON_EXECUTABLE");

const PROGRAM: &str =
    "⇒ json, sys\nπ(sys.flags.utf8_mode, sys.getfilesystemencoding(), json.dumps('φ'))\n";
const TWIN: &str =
    "import json, sys\nprint(sys.flags.utf8_mode, sys.getfilesystemencoding(), json.dumps('φ'))\n";

/// `program path` under `env -i` plus `settings`: (status, stdout, stderr).
fn clean(program: &str, path: &std::path::Path, settings: &[&str]) -> (i32, String, String) {
    let out = Command::new("env").arg("-i").args(settings).arg(program).arg(path).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn phicode_runs_under_every_locale_setting_as_python3_does() {
    let dir = tempfile::tempdir().unwrap();
    let (phi, ascii, py) =
        (dir.path().join("pj.φ"), dir.path().join("pj.phi"), dir.path().join("pj.py"));
    std::fs::write(&phi, PROGRAM).unwrap();
    std::fs::write(&ascii, PROGRAM).unwrap();
    std::fs::write(&py, TWIN).unwrap();
    let phicode = assert_cmd::cargo::cargo_bin("phicode");
    let cases: [&[&str]; 7] = [
        &[],
        &["LC_ALL=C"],
        &["LANG=POSIX"],
        &["PYTHONUTF8=1"],
        &["PYTHONUTF8=0", "LC_ALL=C"],
        &["LC_ALL=C.UTF-8"],
        &["PYTHONCOERCECLOCALE=0", "LC_ALL=C"],
    ];
    for settings in cases {
        // With UTF-8 off in a C locale the filesystem encoding is ASCII: no file name can
        // hold a φ, so the program is `pj.phi` (and `.φ` modules are not looked for).
        let ascii_only = settings.contains(&"PYTHONUTF8=0");
        let ours =
            clean(phicode.to_str().unwrap(), if ascii_only { &ascii } else { &phi }, settings);
        let theirs = clean(PYTHON, &py, settings);
        assert_eq!(ours.0, 0, "{settings:?}: {}", ours.2);
        assert_eq!(ours, theirs, "{settings:?}");
    }
}

#[test]
fn a_session_worker_starts_under_env_dash_i() {
    let phicode = assert_cmd::cargo::cargo_bin("phicode");
    let mut child = Command::new("env")
        .args(["-i", phicode.to_str().unwrap(), "repl", "--no-history"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all("π('φ', 6 * 7)\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("φ 42"), "{stdout}");
}
