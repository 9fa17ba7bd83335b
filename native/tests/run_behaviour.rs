//! `phicode run` behaviours with no python3 twin to compare against: introspection of `.φ`
//! modules, Ctrl-C, `main.φ` by default, strict configs, missing files.
#![allow(clippy::unwrap_used)]

mod common;

use common::Project;
use predicates::prelude::*;

#[test]
fn importlib_inspect_pkgutil_runpy_and_linecache_see_phi_modules() {
    let p = Project::new();
    p.write("mod.φ", "VALUE = 42\n\nƒ f(x):\n    ⟲ x ∧ ¬ x\n");
    p.write("pkg/__init__.φ", "");
    p.write("pkg/inner.φ", "");
    p.write("ns/part.φ", "ℂ Part: ⋯\n");
    p.write(
        "main.φ",
        "⇒ importlib.util, inspect, pkgutil, runpy, linecache\n⇒ mod, ns.part\n\
         spec = importlib.util.find_spec('mod')\n\
         π(τ(spec.loader).__name__, spec.origin.endswith('mod.φ'))\n\
         π(inspect.getsource(mod.f), end='')\n\
         π(sorted(m.name ∀ m ∈ pkgutil.iter_modules(['.'])))\n\
         π([m.name ∀ m ∈ pkgutil.iter_modules(['pkg'])])\n\
         π(runpy.run_module('mod')['VALUE'], runpy.run_module('pkg.inner')['__name__'])\n\
         π(linecache.getline(mod.__file__, 4), end='')\n\
         π(ns.part.Part.__module__, ns.__path__._path)\n\
         π(inspect.getsource(ns.part.Part), end='')\n",
    );
    let root = p.path().canonicalize().unwrap();
    let expected = format!(
        "PhiLoader True\nƒ f(x):\n    ⟲ x ∧ ¬ x\n['main', 'mod', 'pkg']\n['inner']\n42 pkg.inner\n    ⟲ x ∧ ¬ x\nns.part ['{}']\nℂ Part: ⋯\n",
        root.join("ns").display()
    );
    p.phicode(&["main.φ"]).assert().success().stdout(expected).stderr("");
}

#[test]
fn run_without_a_file_runs_main_phi_and_says_when_there_is_none() {
    let p = Project::new();
    p.phicode(&["run"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no program given and no main.φ"));
    p.write("main.φ", "⇒ sys\nπ('main', sys.argv)\n");
    p.phicode(&["run"]).assert().success().stdout("main ['main.φ']\n");
}

#[test]
fn missing_program_file_is_exit_2_like_python() {
    let p = Project::new();
    p.phicode(&["nope.φ"]).assert().code(2).stderr(
        predicate::str::contains("can't open file").and(predicate::str::contains("nope.φ")),
    );
}

#[test]
fn strict_mode_runs_nothing_with_a_bad_config() {
    let p = Project::new();
    p.write(".(φ)/config.json", "{\"symbols\": {\"while\": \"¿\"}}\n");
    p.write("main.φ", "π('ran')\n");
    p.phicode(&["main.φ"])
        .env("PHICODE_STRICT", "1")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(".(φ)/config.json:1:23: error:"));
    p.phicode(&["main.φ"]).assert().success().stdout("ran\n");
}

#[test]
fn dialect_words_run() {
    let p = Project::new();
    p.write(
        ".phicode/config.json",
        r#"{"symbols": {"if": "si", "print": "imprimir", "True": "Verdadero"}}"#,
    );
    p.write("main.φ", "si Verdadero:\n    imprimir('hola')\n");
    p.phicode(&["main.φ"]).assert().success().stdout("hola\n").stderr("");
}

#[test]
fn quiet_on_success_and_python_files_run_too() {
    let p = Project::new();
    p.write("plain.py", "import sys\nprint('py', sys.argv[1:])\n");
    p.phicode(&["plain.py", "x"]).assert().success().stdout("py ['x']\n").stderr("");
}

#[cfg(unix)]
#[test]
fn ctrl_c_raises_keyboard_interrupt_and_ends_by_sigint() {
    ctrl_c(&[]);
}

#[cfg(unix)]
#[test]
fn ctrl_c_under_pypy_ends_host_and_program_by_sigint() {
    ctrl_c(&["--pypy"]);
}

/// `phicode FLAGS main.φ` in its own process group, once its program printed `ready`.
#[cfg(unix)]
fn started(
    p: &Project,
    flags: &[&str],
) -> (std::process::Child, std::io::BufReader<std::process::ChildStdout>) {
    use std::io::BufRead;
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("phicode"))
        .args(flags)
        .arg("main.φ")
        .process_group(0)
        .current_dir(p.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n");
    (child, stdout)
}

/// Ctrl-C in a terminal: SIGINT to the whole foreground process group (phicode and, with an
/// external interpreter, its child).
#[cfg(unix)]
fn ctrl_c(flags: &[&str]) {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    use std::process::Command;
    let p = Project::new();
    p.write(
        "main.φ",
        "⇒ time\n∴:\n    π('ready', flush=✓)\n    time.sleep(30)\n⇗:\n    π('cleanup', flush=✓)\n",
    );
    let (child, mut stdout) = started(&p, flags);
    let mut line = String::new();
    let group = format!("-{}", child.id());
    let killed = Command::new("kill").args(["-INT", "--", &group]).status().unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    line.clear();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "cleanup\n");
    assert_eq!(out.status.signal(), Some(2), "{:?}", out.status);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.ends_with("KeyboardInterrupt\n"), "{stderr}");
}

#[test]
fn default_is_the_embedded_cpython_even_with_pypy_installed() {
    let p = Project::new();
    p.write("main.φ", "⇒ sys\nπ(sys.implementation.name)\n");
    p.phicode(&["main.φ"]).assert().success().stdout("cpython\n");
    p.phicode(&["--pypy", "main.φ"]).assert().success().stdout("pypy\n");
}

#[test]
fn interpreter_auto_picks_pypy_unless_a_c_extension_is_imported_and_says_why() {
    let p = Project::new();
    p.write("main.φ", "⇒ sys\nπ(sys.implementation.name)\n");
    p.phicode(&["--interpreter", "auto", "--debug", "main.φ"])
        .assert()
        .success()
        .stdout("pypy\n")
        .stderr(predicate::str::contains("interpreter auto: ").and(predicate::str::contains(
            "is installed and the program imports no C-extension package",
        )));
    // A file the program does not import does not decide.
    p.write("lib.φ", "¿ ⊥:\n    ⇒ numpy\n");
    p.write("tools/other.φ", "⇒ pandas\n");
    p.phicode(&["--interpreter", "auto", "main.φ"]).assert().success().stdout("pypy\n");
    // One it imports does.
    p.write("main.φ", "⇒ sys, lib\nπ(sys.implementation.name)\n");
    p.phicode(&["--interpreter", "auto", "--debug", "main.φ"])
        .assert()
        .success()
        .stdout("cpython\n")
        .stderr(predicate::str::contains("lib.φ:2 imports numpy, a C-extension package"));
}

/// Only what the program imports is transpiled before it starts, however many other φ files
/// share its folder (an unrelated broken one included); a module imported some other way
/// is converted on demand.
#[test]
fn only_the_imported_files_are_transpiled_ahead() {
    let p = Project::new();
    p.write(
        "main.φ",
        "⇒ sys, helper\nπ(sys.implementation.name, helper.f())\n\
         ⇒ importlib\nπ(importlib.import_module('late').X)\n",
    );
    p.write("helper.φ", "ƒ f():\n    ⟲ 'helped'\n");
    p.write("late.φ", "X = '✓ on demand'\n");
    for n in 0..40 {
        p.write(&format!("other/tool{n}.φ"), "⇒ numpy\n¿ ⊥ ⊥ ⊥\n");
    }
    p.phicode(&["--interpreter", "auto", "--debug", "main.φ"])
        .assert()
        .success()
        .stdout("pypy helped\n✓ on demand\n")
        .stderr(predicate::str::contains("transpile ahead (2 φ files)"));
}

#[test]
fn interpreter_auto_keeps_a_program_with_newer_syntax_off_an_older_pypy() {
    let p = Project::new();
    p.write("main.φ", "⇒ sys, shapes\nπ(sys.implementation.name, shapes.kind(3))\n");
    p.write("shapes.φ", "ƒ kind(x):\n    match x:\n        case 3: ⟲ 'three'\n");
    p.phicode(&["--interpreter", "auto", "--debug", "main.φ"])
        .assert()
        .success()
        .stdout("cpython three\n")
        .stderr(predicate::str::contains("shapes.φ:2 uses a match statement, from Python 3.10"));
}

#[test]
fn phipy_and_phiton_paths_choose_the_external_interpreters() {
    let p = Project::new();
    p.write("main.φ", "⇒ sys\nπ(sys.implementation.name, sys.version_info[:2])\n");
    p.phicode(&["--pypy", "main.φ"])
        .env("PHIPY_PATH", "/nonexistent/pypy")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/pypy"));
    let pypy = String::from_utf8(
        std::process::Command::new("sh").args(["-c", "command -v pypy3"]).output().unwrap().stdout,
    )
    .unwrap();
    p.phicode(&["--pypy", "main.φ"])
        .env("PHIPY_PATH", pypy.trim())
        .env("PATH", "/nonexistent")
        .assert()
        .success()
        .stdout("pypy (3, 9)\n");
    p.phicode(&["--interpreter", "cpython", "main.φ"])
        .env("PHITON_PATH", "/usr/bin/python3")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("cpython (3,"));
}

/// 3.11's `~~^^^^` markers sit under the φ code, on the embedded CPython and on an external
/// one (same marks, computed by the bootstrap there).
#[test]
fn traceback_markers_sit_under_the_phi_code() {
    let p = Project::new();
    p.write("main.φ", "xs = [1]\nπ(f\"{ℓ(xs)} {xs[ℓ(xs)]}\")\n");
    let expected = "    π(f\"{ℓ(xs)} {xs[ℓ(xs)]}\")\n                 ~~^^^^^^^\nIndexError";
    let python = env!("PHICODE_PYTHON_EXECUTABLE");
    for flags in [&[][..], &["--python", python]] {
        let args: Vec<&str> = flags.iter().copied().chain(["main.φ"]).collect();
        p.phicode(&args).assert().code(1).stderr(predicate::str::contains(expected));
    }
}

#[test]
fn a_nul_byte_is_a_syntax_error_at_its_file_and_line_as_in_python3() {
    let p = Project::new();
    p.write("main.φ", "x = 1\nπ(x)\0\n");
    let expected = format!(
        "  File \"{}\", line 2\n    π(x)\nSyntaxError: source code cannot contain null bytes\n",
        p.path().canonicalize().unwrap().join("main.φ").display()
    );
    p.phicode(&["main.φ"]).assert().code(1).stdout("").stderr(expected);
}

#[test]
fn a_file_that_cannot_be_opened_is_python3_s_message_and_status_2() {
    let p = Project::new();
    let shown = p.path().canonicalize().unwrap();
    p.phicode(&["gone.φ"]).assert().code(2).stderr(format!(
        "phicode: can't open file '{}': [Errno 2] No such file or directory\n",
        shown.join("gone.φ").display()
    ));
    // Unreadable: as root (CI), only another user is refused the file.
    let file = p.write("secret.φ", "π(1)\n");
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let dir = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(p.path(), dir).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("phicode");
    let root =
        std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
    let mut command = if root {
        let mut su = std::process::Command::new("su");
        su.args(["nobody", "-s", "/bin/sh", "-c"]).arg(format!(
            "{} {}",
            bin.display(),
            file.display()
        ));
        su
    } else {
        let mut own = std::process::Command::new(&bin);
        own.arg(&file);
        own
    };
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let expected =
        format!("phicode: can't open file '{}': [Errno 13] Permission denied\n", file.display());
    assert_eq!(String::from_utf8_lossy(&out.stderr), expected);
}

#[test]
fn an_external_interpreter_that_cannot_run_the_bootstrap_is_a_clear_error() {
    let p = Project::new();
    p.write("app.φ", "π(1)\n");
    // Not a Python at all: it exits 0 without running anything.
    p.phicode(&["--python", "/bin/true", "app.φ"]).assert().code(2).stdout("").stderr(
        predicate::str::contains("/bin/true did not run phicode's bootstrap")
            .and(predicate::str::contains("is it Python 3.8 or newer?")),
    );
    // A Python too old for the bootstrap (python3 told it is 3.7, as a sitecustomize can).
    p.write("old/sitecustomize.py", "import sys\nsys.version_info = (3, 7, 0, 'final', 0)\n");
    p.phicode(&["--python", "python3", "app.φ"])
        .env("PYTHONPATH", p.path().join("old"))
        .assert()
        .code(2)
        .stdout("")
        .stderr("phicode: this interpreter is Python 3.7; phicode needs Python 3.8 or newer\n");
}

/// `kill SIGNAL <phicode>` (not the terminal's group-wide signal) on a program that runs
/// under an external interpreter, as a supervisor or a shell script sends it.
#[cfg(unix)]
fn signal_host_alone(signal: nix::sys::signal::Signal) -> (std::process::ExitStatus, String, u32) {
    use std::io::Read;
    let p = Project::new();
    p.write(
        "main.φ",
        "⇒ signal, sys, time\n\
         signal.signal(signal.SIGTERM, λ n, f: (π('got', n, flush=✓), sys.exit(7)))\n\
         π('ready', flush=✓)\ntime.sleep(30)\n",
    );
    // Its own process group, as a service under a supervisor: the signal reaches phicode alone.
    let (mut child, mut stdout) = started(&p, &["--pypy"]);
    let host = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(host, signal).unwrap();
    let status = child.wait().unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    (status, rest, child.id())
}

#[cfg(unix)]
#[test]
fn signals_sent_to_phicode_reach_the_external_interpreter_and_leave_no_files() {
    use std::os::unix::process::ExitStatusExt;
    // The host's own files carry its process id.
    let left = |host: u32| {
        let ours = |name: String| {
            ["phicode-bundle-", "phicode-started-"]
                .iter()
                .any(|k| name.starts_with(&format!("{k}{host}-")))
        };
        let entries = std::fs::read_dir(std::env::temp_dir()).unwrap().flatten();
        entries.filter(|e| ours(e.file_name().to_string_lossy().into_owned())).count()
    };
    // The program's own SIGTERM handler runs and decides the status.
    let (status, out, host) = signal_host_alone(nix::sys::signal::Signal::SIGTERM);
    assert_eq!((status.code(), out.as_str(), left(host)), (Some(7), "got 15\n", 0));
    // SIGINT: KeyboardInterrupt in the program, and phicode ends by SIGINT as it did.
    let (status, _, host) = signal_host_alone(nix::sys::signal::Signal::SIGINT);
    assert_eq!((status.signal(), left(host)), (Some(2), 0));
}

#[test]
fn files_of_a_host_killed_outright_are_swept_by_the_next_run() {
    // A process that has ended stands for a host killed by SIGKILL, which removes nothing.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let stale = std::env::temp_dir().join(format!("phicode-bundle-{pid}-left"));
    std::fs::write(&stale, "").unwrap();
    let p = Project::new();
    p.write("main.φ", "π(1)\n");
    p.phicode(&["--pypy", "main.φ"]).assert().success().stdout("1\n");
    assert!(!stale.exists(), "{} was not swept", stale.display());
}

/// The `~~~^~~~` anchors under a binary operator are drawn on φ lines too, where the
/// expression holds φ keywords (python3 draws them on the Python twin).
#[test]
fn binary_operator_anchors_are_drawn_under_phi() {
    let p = Project::new();
    p.write("main.φ", "x = 0\ny = (1 ¿ ✓ ⋄ 2) / x\n");
    let out = p.phicode(&["main.φ"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("    y = (1 ¿ ✓ ⋄ 2) / x\n        ~~~~~~~~~~~~^~~\n"), "{stderr}");
}

/// φ modules and packages inside a zip archive on `sys.path` import, as `.py` ones do.
#[test]
fn phi_modules_import_from_a_zip_archive() {
    let p = Project::new();
    p.write("src/zmod.φ", "ƒ hello():\n    ⟲ 'from a zip'\n");
    p.write("src/pkg/__init__.φ", "X = ✓\n");
    p.write("src/pkg/sub.φ", "ƒ f():\n    ⟲ 42\n");
    let zipped = std::process::Command::new("python3")
        .args(["-m", "zipfile", "-c", "../lib.zip", "zmod.φ", "pkg"])
        .current_dir(p.path().join("src"))
        .status()
        .unwrap();
    assert!(zipped.success());
    std::fs::remove_dir_all(p.path().join("src")).unwrap();
    p.write(
        "main.φ",
        "⇒ sys\nsys.path.insert(0, 'lib.zip')\n⇒ zmod, pkg.sub\nπ(zmod.hello(), pkg.X, pkg.sub.f())\n",
    );
    let out = p.phicode(&["main.φ"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "from a zip True 42\n");
}

/// When the dynamic loader finds another libpython than the build's (its folder unreadable
/// to this user; here LD_LIBRARY_PATH points at Debian's), phicode says so and runs on.
#[test]
fn another_libpython_than_the_builds_is_reported() {
    let debian = "/usr/lib/x86_64-linux-gnu";
    assert!(
        std::path::Path::new(debian).join("libpython3.11.so.1.0").exists(),
        "needs Debian's libpython3.11 (scripts/setup.d/40-native.sh installs it)"
    );
    let p = Project::new();
    let out = p.phicode(&["-c", "π(1)"]).env("LD_LIBRARY_PATH", debian).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "1\n");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("phicode: warning: running on libpython 3.11."), "{stderr}");
    assert!(stderr.contains("can this user read it?"), "{stderr}");
    // And nothing is said when it is the build's own.
    let out = p.phicode(&["-c", "π(1)"]).output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
