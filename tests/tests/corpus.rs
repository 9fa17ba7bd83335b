//! The conformance corpus (`tests/corpus/`): every case checked both ways where it applies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use phicode_core::SymbolTable;
use phicode_tests::conformance::check_case;
use phicode_tests::corpus::{corpus_dir, load};

#[test]
fn every_case_conforms() {
    let cases = load(&corpus_dir()).expect("the corpus follows its format");
    let mut failed = Vec::new();
    for case in &cases {
        let checked = check_case(case);
        if !checked.failures.is_empty() {
            failed.push(format!("── {}\n{}", case.name, checked.failures.join("\n")));
        }
    }
    println!("{} cases, {} failing", cases.len(), failed.len());
    assert!(failed.is_empty(), "{} case(s) fail:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn corpus_covers_every_default_symbol_in_code_and_in_text() {
    let cases = load(&corpus_dir()).expect("the corpus follows its format");
    let pairs = cases.iter().filter(|c| c.phi.is_some() && c.py.is_some()).count();
    assert!(pairs >= 70, "only {pairs} φ/Python pairs");
    let mut in_code = std::collections::BTreeSet::new();
    let mut in_text = String::new();
    for case in cases.iter().filter(|c| c.spec.dialect.is_none()) {
        in_code.extend(check_case(case).default_symbols_used);
        if case.phi.is_some() {
            // Checked equal to φ → Python's output: any symbol left in it sat in a string
            // or a comment, where it must not change.
            in_text.push_str(case.py.as_deref().unwrap_or(""));
        }
    }
    let table = SymbolTable::new();
    let symbols: Vec<&str> = table.entries().iter().map(|e| e.symbol.as_str()).collect();
    let missing_code: Vec<&&str> = symbols.iter().filter(|s| !in_code.contains(**s)).collect();
    let missing_text: Vec<&&str> = symbols.iter().filter(|s| !in_text.contains(**s)).collect();
    assert!(missing_code.is_empty(), "never converted in code: {missing_code:?}");
    assert!(missing_text.is_empty(), "never kept in a string or comment: {missing_text:?}");
}
