//! python3's command line on `phicode`: its flags before the program (read by CPython as
//! python3 reads them), `-c CODE`, `-` (the program on stdin), a folder with `__main__.φ`,
//! and multiprocessing's spawn and forkserver children, which start as phicode.
#![allow(clippy::unwrap_used)]

mod common;

use common::Project;

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn pythons_flags_mean_what_they_mean_to_python3() {
    let p = Project::new();
    p.write(
        "main.φ",
        "⇒ sys\nπ(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.dev_mode, \
         sys.warnoptions, sys._xoptions, sys.stdout.write_through, sys.argv)\n",
    );
    let out =
        p.phicode(&["-OO", "-B", "-X", "dev", "-Werror", "-u", "main.φ", "-O"]).output().unwrap();
    assert_eq!(stdout(&out), "2 1 True ['default', 'error'] {'dev': True} True ['main.φ', '-O']\n");
    // The same through `run`, and -I: no PYTHONPATH, no user site, no script folder first.
    let out = p
        .phicode(&["run", "-I", "-c", "⇒ sys; π(sys.flags.isolated, '/nowhere' ∈ sys.path)"])
        .env("PYTHONPATH", "/nowhere")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "1 False\n");
}

#[test]
fn code_stdin_and_folders_run_as_python3_runs_them() {
    let p = Project::new();
    let out = p
        .phicode(&["-c", "⇒ sys; π(sys.argv, sys.path[0] == '', __name__)", "a", "-b"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "['-c', 'a', '-b'] True __main__\n");
    let out = p
        .phicode(&["-", "x"])
        .write_stdin("⇒ sys\n¿ ✓:\n    π('stdin', sys.argv)\n")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "stdin ['-', 'x']\n");
    p.write("app/__main__.φ", "⇒ sys\nπ('folder', sys.argv, __name__)\n");
    let out = p.phicode(&["app", "y"]).output().unwrap();
    assert_eq!(stdout(&out), "folder ['app', 'y'] __main__\n");
    // A zip archive with __main__.φ (a zipapp), as python3 runs one with __main__.py.
    let zipped = std::process::Command::new("python3")
        .args(["-m", "zipfile", "-c", "../app.pyz", "__main__.φ"])
        .current_dir(p.path().join("app"))
        .status()
        .unwrap();
    assert!(zipped.success());
    let out = p.phicode(&["app.pyz", "z"]).output().unwrap();
    assert_eq!(stdout(&out), "folder ['app.pyz', 'z'] __main__\n");
    // A syntax error in -c code names <string>, as python3 does.
    let out = p.phicode(&["-c", "¿ x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("File \"<string>\", line 1"));
}

#[test]
fn multiprocessing_children_run_phi_with_the_parents_dialect() {
    let p = Project::new();
    p.write(".(φ)/config.json", r#"{"symbols": {"def": "función", "return": "devolver"}}"#);
    p.write(
        "main.φ",
        "⇒ multiprocessing ↦ mp, concurrent.futures ↦ cf\n\
         función square(x):\n    devolver x * x\n\
         ¿ __name__ == '__main__':\n\
         \x20   ∀ method ∈ ('spawn', 'forkserver'):\n\
         \x20       with mp.get_context(method).Pool(2) ↦ pool:\n\
         \x20           π(method, pool.map(square, ⟪(4)))\n\
         \x20   with cf.ProcessPoolExecutor(2, mp_context=mp.get_context('spawn')) ↦ ex:\n\
         \x20       π('executor', list(ex.map(square, [7, 8])))\n",
    );
    // Started from elsewhere: the children find the program's dialect all the same.
    let elsewhere = tempfile::tempdir().unwrap();
    let main = p.path().join("main.φ");
    let out = common::phicode()
        .current_dir(elsewhere.path())
        .arg(&main)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "spawn [0, 1, 4, 9]\nforkserver [0, 1, 4, 9]\nexecutor [49, 64]\n");
}
