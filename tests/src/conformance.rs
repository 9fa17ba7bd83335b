//! Checking one corpus case against the core: the dialect it builds, both conversions,
//! diagnostics and refusals. Every disagreement is collected, not just the first.

use phicode_core::dialect::Built;
use phicode_core::{
    Dialect, DialectIssue, LexError, Located, Options, Strictness, SymbolTable, check,
    to_phicode_with, to_python_with,
};

use crate::corpus::{Case, Expected, corpus_dir};
use crate::stdlib::kind as refusal_kind;

/// What checking a case found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Each disagreement with the case's expectations.
    pub failures: Vec<String>,
    /// The symbols φ → Python used (default-table cases only, for coverage).
    pub default_symbols_used: Vec<String>,
}

/// The snake_case name of a lexical error.
pub fn lex_kind(error: &LexError) -> &'static str {
    match error {
        LexError::UnterminatedString => "unterminated_string",
        LexError::UnterminatedTripleQuotedString => "unterminated_triple_quoted_string",
        LexError::UnclosedField => "unclosed_field",
    }
}

/// The snake_case name of a dialect issue.
pub fn issue_kind(issue: &DialectIssue) -> &'static str {
    match issue {
        DialectIssue::NotAString { .. } => "not_a_string",
        DialectIssue::BadTarget { .. } => "bad_target",
        DialectIssue::EmptySymbol { .. } => "empty_symbol",
        DialectIssue::ForbiddenCharacter { .. } => "forbidden_character",
        DialectIssue::MixedSymbol { .. } => "mixed_symbol",
        DialectIssue::Conflict { .. } => "conflict",
        DialectIssue::SymbolIsPythonWord { .. } => "symbol_is_python_word",
        DialectIssue::TargetIsSymbol { .. } => "target_is_symbol",
        DialectIssue::Overlaps { .. } => "overlaps",
        DialectIssue::Duplicate { .. } => "duplicate",
        DialectIssue::TooMany { .. } => "too_many",
    }
}

fn located<E>(items: &[Located<E>], kind: impl Fn(&E) -> &'static str) -> Vec<Expected> {
    let mut found: Vec<Expected> = items
        .iter()
        .map(|l| Expected {
            line: l.position.line,
            column: l.position.column,
            kind: kind(&l.error).to_string(),
        })
        .collect();
    found.sort();
    found
}

fn compare(failures: &mut Vec<String>, what: &str, expected: &[Expected], actual: Vec<Expected>) {
    let mut expected = expected.to_vec();
    expected.sort();
    if expected != actual {
        failures.push(format!("{what}:\n  expected {expected:?}\n  actual   {actual:?}"));
    }
}

fn compare_text(failures: &mut Vec<String>, what: &str, expected: &str, actual: &str) {
    if expected != actual {
        failures.push(format!("{what}:\n  expected {expected:?}\n  actual   {actual:?}"));
    }
}

/// Builds the case's table: the defaults, or its dialect (checking the dialect's issues).
/// `None` when the dialect is (rightly or wrongly) refused.
fn table(case: &Case, failures: &mut Vec<String>) -> Option<SymbolTable> {
    let spec = &case.spec;
    let Some(file) = &spec.dialect else {
        return Some(SymbolTable::new());
    };
    let path = corpus_dir().join(file);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            failures.push(format!("{}: {e}", path.display()));
            return None;
        }
    };
    let dialect = match Dialect::from_json(&text) {
        Ok(d) => d,
        Err(e) => {
            failures.push(format!("{file}: not a dialect: {e}"));
            return None;
        }
    };
    let strictness = if spec.strict { Strictness::Strict } else { Strictness::Lenient };
    let (table, issues) = match dialect.build(strictness) {
        Ok(Built { table, warnings }) => (Some(table), warnings),
        Err(error) => (None, error.issues),
    };
    let issues = located(&issues, issue_kind);
    compare(failures, &format!("issues of {file}"), &spec.dialect_issues, issues);
    if spec.strict && !spec.dialect_issues.is_empty() && table.is_some() {
        failures.push(format!("strict build of {file} should have failed"));
    }
    table
}

/// Checks `case`.
pub fn check_case(case: &Case) -> Checked {
    let mut out = Checked::default();
    let failures = &mut out.failures;
    let Some(table) = table(case, failures) else {
        return out;
    };
    let spec = &case.spec;
    if let (Some(phi), Some(py)) = (&case.phi, &case.py) {
        let conversion = to_python_with(phi, &table, Options::default());
        compare_text(failures, "φ → Python", py, &conversion.code);
        let diagnostics = located(&conversion.diagnostics, lex_kind);
        compare(failures, "φ → Python diagnostics", &spec.diagnostics, diagnostics);
        if check(phi, &table) != conversion.diagnostics {
            failures.push("check() disagrees with to_python_with's diagnostics".into());
        }
        let used: Vec<String> = conversion
            .symbols_used
            .iter()
            .filter_map(|&i| table.entry(i).map(|e| e.symbol.clone()))
            .collect();
        if let Some(expected) = &spec.symbols_used {
            let (mut e, mut a) = (expected.clone(), used.clone());
            e.sort();
            a.sort();
            if e != a {
                failures.push(format!("symbols used:\n  expected {e:?}\n  actual   {a:?}"));
            }
        }
        if spec.dialect.is_none() {
            out.default_symbols_used = used;
        }
    }
    let Some(py) = &case.py else {
        return out;
    };
    match to_phicode_with(py, &table, Options::default()) {
        Err(error) if !spec.refusals.is_empty() => {
            let found = located(&error.problems, refusal_kind);
            compare(failures, "Python → φ refusals", &spec.refusals, found);
        }
        Err(error) if case.both_ways() => {
            failures.push(format!("Python → φ refused: {error} ({:?})", error.problems));
        }
        Err(_) => {}
        Ok(conversion) if !spec.refusals.is_empty() => {
            failures.push(format!("Python → φ should refuse, gave {:?}", conversion.code));
        }
        Ok(conversion) => {
            if let (true, Some(phi)) = (case.both_ways(), &case.phi) {
                compare_text(failures, "Python → φ", phi, &conversion.code);
                let diagnostics = located(&conversion.diagnostics, lex_kind);
                let what = "Python → φ diagnostics";
                compare(failures, what, &spec.python_diagnostics, diagnostics);
            }
        }
    }
    out
}
