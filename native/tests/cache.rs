//! The bytecode cache: hits, misses on every change of key, damaged entries rewritten,
//! concurrent cold runs, unwritable folders, PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::Project;

/// `phicode --debug main.φ` with bytecode writing allowed; returns (stdout, stderr).
fn run(p: &Project, env: &[(&str, &str)]) -> (String, String) {
    let mut cmd = p.phicode(&["--debug", "main.φ"]);
    cmd.env_remove("PYTHONDONTWRITEBYTECODE").env_remove("PYTHONPYCACHEPREFIX");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.assert().success().get_output().clone();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn project() -> Project {
    let p = Project::new();
    p.write("main.φ", "⇒ helper\nπ(helper.answer())\n");
    p.write("helper.φ", "ƒ answer():\n    ⟲ 42\n");
    p
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().path()).collect());
    found.sort();
    found
}

#[test]
fn second_run_hits_and_edits_or_dialects_miss() {
    let p = project();
    let (out, err) = run(&p, &[]);
    assert_eq!(out, "42\n");
    assert!(err.contains("cache miss") && err.contains("main.φ (no entry)"), "{err}");
    assert!(err.contains("helper.φ (no entry)") && err.contains("entry written"), "{err}");
    let (out, err) = run(&p, &[]);
    assert_eq!(out, "42\n");
    assert_eq!(err.matches("cache hit").count(), 2, "{err}");
    assert!(!err.contains("cache miss"), "{err}");

    p.write("helper.φ", "ƒ answer():\n    ⟲ 43\n");
    let (out, err) = run(&p, &[]);
    assert_eq!(out, "43\n");
    assert!(err.contains("helper.φ (stale entry)") && err.contains("main.φ ("), "{err}");

    p.write(".phicode/config.json", r#"{"symbols": {"print": "imprimir"}}"#);
    let (out, err) = run(&p, &[]);
    assert_eq!(out, "43\n");
    assert_eq!(err.matches("(stale entry)").count(), 2, "a dialect change misses: {err}");
}

#[test]
fn damaged_entries_are_ignored_and_rewritten() {
    let p = project();
    run(&p, &[]);
    let cache = p.path().join("__pycache__");
    let helper = cache.join("helper.cpython-311.phic");
    let good = std::fs::read(&helper).unwrap();
    let damage: [(&str, Vec<u8>); 4] = [
        ("truncated entry", good[..good.len() / 2].to_vec()),
        ("truncated entry", b"garbage".to_vec()),
        ("foreign entry", [b"\x6f\x0d\x0d\x0a".as_slice(), &good[4..]].concat()),
        ("corrupt entry", {
            let mut g = good.clone();
            let last = g.len() - 1;
            g[last] ^= 0xff;
            g
        }),
    ];
    for (why, bytes) in damage {
        std::fs::write(&helper, bytes).unwrap();
        let (out, err) = run(&p, &[]);
        assert_eq!(out, "42\n");
        assert!(err.contains(&format!("helper.φ ({why})")), "{why}: {err}");
        assert_eq!(std::fs::read(&helper).unwrap(), good, "{why}: rewritten whole");
    }
    assert_eq!(entries(&cache).len(), 2, "no temporary files left: {:?}", entries(&cache));
}

#[test]
fn twenty_concurrent_cold_runs_all_succeed_and_leave_valid_entries() {
    let p = Project::new();
    let mut main = String::new();
    for i in 0..10 {
        p.write(&format!("m{i}.φ"), format!("ƒ value():\n    ⟲ {i}\n"));
        main.push_str(&format!("⇒ m{i}\n"));
    }
    main.push_str("π(∑(m.value() ∀ m ∈ [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9]))\n");
    p.write("main.φ", &main);
    let exe = assert_cmd::cargo::cargo_bin("phicode");
    let children: Vec<_> = (0..20)
        .map(|_| {
            std::process::Command::new(&exe)
                .arg("main.φ")
                .current_dir(p.path())
                .env_remove("PYTHONDONTWRITEBYTECODE")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, b"45\n");
    }
    let cache = entries(&p.path().join("__pycache__"));
    assert_eq!(cache.len(), 11, "one entry per module and no temporary files: {cache:?}");
    let (_, err) = run(&p, &[]);
    assert_eq!(err.matches("cache hit").count(), 11, "every entry valid: {err}");
}

#[test]
fn unwritable_cache_folder_only_means_no_cache() {
    let p = project();
    p.write("__pycache__", "a file where the cache folder would be");
    let (out, err) = run(&p, &[]);
    assert_eq!(out, "42\n");
    assert!(err.contains("not written (folder not writable)"), "{err}");
    let (out, _) = run(&p, &[]);
    assert_eq!(out, "42\n");
}

#[test]
fn dont_write_bytecode_reads_but_never_writes() {
    let p = project();
    let (_, err) = run(&p, &[("PYTHONDONTWRITEBYTECODE", "1")]);
    assert!(!p.path().join("__pycache__").exists(), "{err}");
    run(&p, &[]);
    let (_, err) = run(&p, &[("PYTHONDONTWRITEBYTECODE", "1")]);
    assert_eq!(err.matches("cache hit").count(), 2, "{err}");
}

#[test]
fn pycache_prefix_moves_entries_out_of_the_tree() {
    let p = project();
    let prefix = tempfile::tempdir().unwrap();
    let (out, _) = run(&p, &[("PYTHONPYCACHEPREFIX", prefix.path().to_str().unwrap())]);
    assert_eq!(out, "42\n");
    assert!(!p.path().join("__pycache__").exists());
    let root = p.path().canonicalize().unwrap();
    let mirrored = prefix.path().join(root.strip_prefix("/").unwrap());
    assert_eq!(entries(&mirrored).len(), 2, "{mirrored:?}");
}

/// A read-only tree: a read-only bind mount for root (which ignores permissions, and is
/// who CI runs as), plain permissions for anyone else.
#[cfg(target_os = "linux")]
#[test]
fn read_only_tree_runs_without_writing() {
    use std::os::unix::fs::PermissionsExt;
    let p = project();
    let exe = assert_cmd::cargo::cargo_bin("phicode");
    let dir = p.path().display().to_string();
    let is_root = std::process::Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut cmd = if is_root {
        let script = format!(
            "mount --bind -o ro '{dir}' '{dir}' && exec '{}' --debug main.φ",
            exe.display()
        );
        let mut cmd = std::process::Command::new("unshare");
        cmd.args(["-m", "sh", "-c", &script]);
        cmd
    } else {
        std::fs::set_permissions(p.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut cmd = std::process::Command::new(exe);
        cmd.args(["--debug", "main.φ"]);
        cmd
    };
    let out = cmd.current_dir(p.path()).env_remove("PYTHONDONTWRITEBYTECODE").output().unwrap();
    std::fs::set_permissions(p.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(out.stdout, b"42\n");
    assert_eq!(err.matches("not written (folder not writable)").count(), 2, "{err}");
    assert!(!p.path().join("__pycache__").exists(), "{err}");
}

#[test]
fn half_written_entries_of_a_killed_process_are_swept() {
    let p = project();
    // A process that has ended stands for one killed by SIGKILL while writing an entry.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let stale = p.write(&format!("__pycache__/.phicode-{pid}-x1y2z3.tmp"), "half");
    let unknown = p.write("__pycache__/.phicode-older.tmp", "an older phicode's: left alone");
    let (out, _) = run(&p, &[]);
    assert_eq!(out, "42\n");
    assert!(!stale.exists(), "{} was not swept", stale.display());
    assert!(unknown.exists());
    let leftovers: Vec<_> = entries(&p.path().join("__pycache__"))
        .into_iter()
        .filter(|e| e.extension().is_some_and(|x| x == "tmp") && *e != unknown)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_copied_project_names_its_own_files_though_its_entries_were_made_elsewhere() {
    let p = Project::new();
    p.write("main.φ", "⇒ helper\nhelper.boom()\n");
    p.write("helper.φ", "ƒ boom():\n    ⟲ 1 / 0\n");
    let mut first = p.phicode(&["main.φ"]);
    first.env_remove("PYTHONDONTWRITEBYTECODE").env_remove("PYTHONPYCACHEPREFIX");
    first.assert().code(1);
    assert!(!entries(&p.path().join("__pycache__")).is_empty(), "no entry was written");
    // cp -r A B; mv A A.gone: B's entries were written for A's files.
    let copy = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(format!("{}/.", p.path().display()))
        .arg(copy.path())
        .status()
        .unwrap();
    assert!(status.success());
    let gone = p.path().with_extension("gone");
    std::fs::rename(p.path(), &gone).unwrap();
    let out = common::phicode()
        .current_dir(copy.path())
        .arg("main.φ")
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("PYTHONPYCACHEPREFIX")
        .assert()
        .code(1)
        .get_output()
        .clone();
    std::fs::rename(&gone, p.path()).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let helper = copy.path().canonicalize().unwrap().join("helper.φ");
    assert!(
        stderr.contains(&format!("File \"{}\", line 2, in boom", helper.display())),
        "{stderr}"
    );
    assert!(!stderr.contains(".gone"), "{stderr}");
}
