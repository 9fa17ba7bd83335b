//! `phicode FILE` against `python3 FILE.py`: the same programs, written in φ and converted,
//! must give the same stdout, stderr (φ names and lines aside) and exit status.
#![allow(clippy::unwrap_used)]

#[path = "common/twins.rs"]
mod twins;

use twins::Twins;

#[test]
fn package_with_relative_imports_and_py_phi_both_ways() {
    let t = Twins::new(&[
        ("main.φ", "⇒ pkg\n← pkg.util ⇒ shout\nπ(shout(pkg.NAME), pkg.helpers.twice(2))\n"),
        ("pkg/__init__.φ", "← . ⇒ helpers\nNAME = 'pkg'\n"),
        ("pkg/util.φ", "← .helpers ⇒ twice\nƒ shout(s):\n    ⟲ s.upper() * twice(1)\n"),
        ("pkg/helpers.py", "from . import deep\ndef twice(x):\n    return deep.double(x)\n"),
        ("pkg/deep.φ", "ƒ double(x):\n    ⟲ x * 2\n"),
    ]);
    let out = t.assert_same(&["main.φ"], "");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "PKGPKG 4\n");
    t.assert_same_on_pypy(&["main.φ"], "");
}

#[test]
fn main_guard_argv_and_exit_status() {
    let t = Twins::new(&[
        (
            "main.φ",
            "⇒ sys\n⇒ lib\nπ(sys.argv[1:], __name__, lib.__name__)\n¿ ℓ(sys.argv) > 2:\n    sys.exit(3)\n",
        ),
        ("lib.φ", "¿ __name__ == '__main__':\n    π('lib as main')\n"),
    ]);
    t.assert_same(&["main.φ", "a", "--flag"], "");
    let out = t.assert_same(&["main.φ", "a", "b"], "");
    assert_eq!(out.status.code(), Some(3));
    let out = t.assert_same(&["lib.φ"], "");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "lib as main\n");
    t.assert_same_on_pypy(&["main.φ", "a", "--flag"], "");
    t.assert_same_on_pypy(&["main.φ", "a", "b"], "");
}

#[test]
fn uncaught_exception_traceback_has_phi_lines() {
    let t = Twins::new(&[
        ("main.φ", "⇒ mod\nπ('before')\nmod.fail(0)\n"),
        ("mod.φ", "ƒ fail(x):\n    ⟲ inner(x)\n\nƒ inner(x):\n    ⟲ 1 / x\n"),
    ]);
    let out = t.assert_same(&["main.φ"], "");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("mod.φ\", line 5, in inner\n    ⟲ 1 / x\n"), "{stderr}");
    t.assert_same_on_pypy(&["main.φ"], "");
}

#[test]
fn syntax_error_points_at_phi_line_and_column() {
    let t = Twins::new(&[("main.φ", "x = 1\n¿ x ≡ 1\n    π(x)\n")]);
    let out = t.assert_same(&["main.φ"], "");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "  File \"{}\", line 2\n    ¿ x ≡ 1\n           ^\nSyntaxError: expected ':'\n",
        t.phi().join("main.φ").display()
    );
    assert_eq!(stderr, expected);
    t.assert_same_on_pypy(&["main.φ"], "");
}

#[test]
fn input_from_piped_stdin() {
    let t = Twins::new(&[("main.φ", "n = input('name? ')\nπ(f'hello {n}', input())\n")]);
    t.assert_same(&["main.φ"], "ada\nlovelace\n");
    t.assert_same_on_pypy(&["main.φ"], "ada\nlovelace\n");
}

#[test]
fn local_test_and_json_modules_win_over_the_stdlib() {
    let t = Twins::new(&[
        ("main.φ", "⇒ test, json\nπ(test.WHO, json.dumps(1))\n"),
        ("test.φ", "WHO = 'local test'\n"),
        ("json.φ", "ƒ dumps(x):\n    ⟲ f'local {x}'\n"),
    ]);
    let out = t.assert_same(&["main.φ"], "");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "local test local 1\n");
    t.assert_same_on_pypy(&["main.φ"], "");
}

/// `match`, which PyPy 3.9 does not have.
const MATCH: &str =
    "⟷ [1, 2]:\n    ▷ [a, b]:\n        π('match', a + b)\n    ▷ _:\n        π('no')\n";

/// Coroutines, the walrus and f-strings with nested fields, symbols and `!r`.
const ASYNC_WALRUS_FSTRINGS: &str = "⟳ ƒ work(n):\n    ⌛ asyncio.sleep(0)\n    ⟲ n * 2\n\
    ⟳ ƒ main():\n    ⟲ ⌛ asyncio.gather(*(work(i) ∀ i ∈ ⟪(3)))\n\
    π(asyncio.run(main()))\n\
    ¿ (n ≔ ℓ('abcd')) > 3:\n    π(f'walrus {n}')\n\
    xs = [3, 1, 2]\nπ(f\"{ℓ(xs)} {∑(xs)} {⭱(xs) ¿ xs ⋄ Ø} {'ℓ'} {{ℓ}} {xs!r:>{ℓ(xs) * 4}}\")\n";

/// What `ASYNC_WALRUS_FSTRINGS` prints.
const ASYNC_WALRUS_FSTRINGS_OUT: &str = "[0, 2, 4]\nwalrus 4\n3 6 3 ℓ {ℓ}    [3, 1, 2]\n";

#[test]
fn match_async_walrus_and_fstrings() {
    let program = format!("⇒ asyncio\n{MATCH}{ASYNC_WALRUS_FSTRINGS}");
    let t = Twins::new(&[("main.φ", &program)]);
    let out = t.assert_same(&["main.φ"], "");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout, format!("match 3\n{ASYNC_WALRUS_FSTRINGS_OUT}"));
}

#[test]
fn module_mode_and_package_main() {
    let t = Twins::new(&[
        ("tool/__init__.φ", ""),
        ("tool/__main__.φ", "⇒ sys\nπ('tool main', sys.argv[1:], __name__)\n"),
        (
            "single.φ",
            "⇒ sys\nπ(__name__, sys.argv[0].endswith('single.φ') ∨ sys.argv[0].endswith('single.py'))\n",
        ),
    ]);
    t.assert_same(&["-m", "tool", "x", "-y"], "");
    t.assert_same(&["-m", "single"], "");
    t.assert_same(&["-m", "missing_module"], "");
    t.assert_same_on_pypy(&["-m", "tool", "x", "-y"], "");
    t.assert_same_on_pypy(&["-m", "single"], "");
}

#[test]
fn async_walrus_and_fstrings_on_pypy() {
    let program = format!("⇒ asyncio\n{ASYNC_WALRUS_FSTRINGS}");
    let t = Twins::new(&[("main.φ", &program)]);
    let out = t.assert_same_on_pypy(&["main.φ"], "");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), ASYNC_WALRUS_FSTRINGS_OUT);
}

#[test]
fn syntax_error_in_an_imported_module_hides_the_import_machinery() {
    let t = Twins::new(&[("main.φ", "π('start')\n⇒ broken\n"), ("broken.φ", "ƒ f(:\n    ⋯\n")]);
    let out = t.assert_same(&["main.φ"], "");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("frozen"), "{stderr}");
    assert!(stderr.contains("broken.φ\", line 1\n    ƒ f(:\n"), "{stderr}");
    t.assert_same_on_pypy(&["main.φ"], "");
}

#[test]
fn pythonsafepath_keeps_the_script_folder_off_sys_path() {
    let t = Twins::new(&[(
        "main.φ",
        "⇒ sys, os\nπ(os.path.dirname(os.path.abspath(__file__)) ∈ sys.path)\n",
    )]);
    let phi = t.phicode(&["main.φ"], "");
    assert_eq!(phi.stdout, b"True\n");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("phicode"));
    cmd.arg("main.φ").current_dir(t.phi()).env("PYTHONSAFEPATH", "1");
    let safe = twins::run(&mut cmd, "");
    let mut cmd = std::process::Command::new(twins::PYTHON);
    cmd.arg("main.py").current_dir(t.py()).env("PYTHONSAFEPATH", "1");
    let python = twins::run(&mut cmd, "");
    assert_eq!(safe.stdout, b"False\n");
    assert_eq!(safe.stdout, python.stdout);
}

#[test]
fn a_long_line_of_symbols_keeps_its_traceback_under_the_phi_columns() {
    // Thousands of symbols on one line: every location on it goes through the column
    // tables, and the failing division at its far end is underlined in φ columns.
    let items: Vec<String> = (0..3000).map(|i| format!("(x ∧ ¬ y{})", i % 3)).collect();
    let line = format!("data = [{}]; π(1 / zero)", items.join(", "));
    let program = format!("x = y0 = y1 = y2 = 1\nzero = 0\n{line}\n");
    let t = Twins::new(&[("main.φ", &program)]);
    let out = t.phicode(&["main.φ"], "");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let shown = stderr.lines().position(|l| l.trim_start().starts_with("data = [")).unwrap();
    let marks = stderr.lines().nth(shown + 1).unwrap();
    let indent = stderr.lines().nth(shown).unwrap().chars().take_while(|c| *c == ' ').count();
    let expected = line.chars().count() - "1 / zero)".chars().count() + indent;
    assert_eq!(marks.chars().position(|c| c != ' '), Some(expected), "{marks}");
    assert!(marks.trim().starts_with("~~^~~~~"), "{marks}");
}

#[test]
fn classes_defined_in_phi_have_comments_help_and_pydoc_as_in_python() {
    let t = Twins::new(&[
        (
            "shapes.φ",
            "# A point on the plane.\nℂ Point:\n    \"\"\"Two coordinates.\"\"\"\n    ƒ norm(self): ⟲ 0\n",
        ),
        (
            "main.φ",
            "⇒ inspect, pydoc, shapes\n\
             π(repr(inspect.getcomments(shapes.Point)))\n\
             π(pydoc.render_doc(shapes.Point, renderer=pydoc.plaintext))\n\
             π(inspect.findsource(shapes.Point)[1])\n",
        ),
    ]);
    let out = t.assert_same(&["main.φ"], "");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("'# A point on the plane.\\n'\n"), "{stdout}");
    assert!(stdout.contains("Two coordinates."), "{stdout}");
}
