//! The generator gives exact, deterministic, realistic sources: every symbol, a Python twin
//! that CPython compiles and that converts back to φ and again to itself.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use phicode_bench::generate;
use phicode_core::{Options, SymbolTable, to_phicode, to_python, to_python_with};

#[test]
fn sizes_are_exact_and_output_is_deterministic() {
    for size in [0, 1, 2, 3, 70, 71, 72, 73, 500, 10_000, 65_536] {
        let text = generate(size, 9);
        assert_eq!(text.len(), size);
        assert_eq!(text, generate(size, 9));
    }
    assert_ne!(generate(10_000, 1), generate(10_000, 2));
    // A longer output starts like a shorter one up to the last whole item.
    assert!(generate(20_000, 4).starts_with(&generate(10_000, 4)[..5_000]));
}

#[test]
fn every_symbol_is_used_in_code_with_non_ascii_text_around() {
    let table = SymbolTable::new();
    let phi = generate(64_000, 1);
    let conversion = to_python_with(&phi, &table, Options::default());
    let mut used = conversion.symbols_used.clone();
    used.sort_unstable();
    used.dedup();
    assert_eq!(used.len(), 48, "symbols used: {used:?}");
    assert!(conversion.diagnostics.is_empty(), "{:?}", conversion.diagnostics);
    let non_ascii = phi.chars().filter(|c| !c.is_ascii()).count();
    assert!(non_ascii * 100 > phi.chars().count(), "{non_ascii} non-ASCII chars");
    let glued = phi
        .as_bytes()
        .windows(3)
        .filter(|w| w[..2] == *"¿".as_bytes() && w[2].is_ascii_alphabetic())
        .count();
    assert!(glued > 0, "no glued `¿name`");
    for needle in ["¿ ", "f\"", "rb", "'''", "\"\"\"", "# ", "\\\n", "{{literal}}", "!r"] {
        assert!(phi.contains(needle), "no {needle:?}");
    }
}

#[test]
fn python_twin_round_trips_and_keeps_lines() {
    let table = SymbolTable::new();
    for seed in 1..=8 {
        let phi = generate(40_000, seed);
        let python = to_python(&phi, &table);
        assert_eq!(python.lines().count(), phi.lines().count());
        let back = to_phicode(&python, &table).unwrap();
        assert_eq!(to_python(&back, &table), python, "seed {seed}");
    }
}

#[test]
fn python_twin_compiles_with_cpython() {
    let table = SymbolTable::new();
    let script = "import sys, warnings\nwarnings.simplefilter('error', SyntaxWarning)\n\
                  compile(sys.stdin.read(), 'generated.py', 'exec')\n";
    for seed in 1..=6 {
        let python = to_python(&generate(40_000, seed), &table);
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 is installed by the machine setup");
        child.stdin.take().unwrap().write_all(python.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "seed {seed}: {stderr}");
    }
}
