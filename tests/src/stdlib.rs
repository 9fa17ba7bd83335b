//! The round trip over real code: every `.py` file of an installed CPython standard library
//! goes Python → φ → Python, and each outcome is classified and counted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use phicode_core::{Located, RoundTripError, SymbolTable, to_phicode, to_python};

/// What happened to one file.
#[derive(Debug)]
pub enum Outcome {
    /// Python → φ → Python gave the file back byte for byte; the φ text.
    Identical(String),
    /// Python → φ refused with these problems.
    Refused(Vec<Located<RoundTripError>>),
    /// The file is not UTF-8 (Python sources may declare another coding).
    NotUtf8,
    /// The round trip changed the file: the first line that differs (1-based) and both texts
    /// of it.
    Mismatch {
        /// The first differing line.
        line: usize,
        /// That line in the original.
        expected: String,
        /// That line after the round trip.
        actual: String,
    },
}

/// Every `.py` file under `root`, recursively, skipping `site-packages`, sorted.
pub fn python_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() && entry.file_name() != "site-packages" {
                pending.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Runs the round trip on one file's bytes.
pub fn round_trip(bytes: &[u8], table: &SymbolTable) -> Outcome {
    let Ok(source) = std::str::from_utf8(bytes) else {
        return Outcome::NotUtf8;
    };
    let phi = match to_phicode(source, table) {
        Ok(phi) => phi,
        Err(error) => return Outcome::Refused(error.problems),
    };
    let back = to_python(&phi, table);
    if back == source {
        return Outcome::Identical(phi);
    }
    let (mut expected, mut actual) = (source.split('\n'), back.split('\n'));
    let mut line = 1;
    loop {
        match (expected.next(), actual.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (a, b) => {
                return Outcome::Mismatch {
                    line,
                    expected: a.unwrap_or("<end of file>").to_string(),
                    actual: b.unwrap_or("<end of file>").to_string(),
                };
            }
        }
    }
}

/// The kind of a refusal, as the counts name it.
pub fn kind(error: &RoundTripError) -> &'static str {
    match error {
        RoundTripError::SymbolInName { .. } => "symbol_in_name",
        RoundTripError::SymbolInCode { .. } => "symbol_in_code",
        RoundTripError::DialectWordAsName { .. } => "dialect_word_as_name",
        RoundTripError::GluedWord { .. } => "glued_word",
    }
}

/// Checks that a refusal points at what it names: the source text at its line and column
/// starts with the name, symbol or word it reports (and, for a glued word, follows an
/// identifier character). Returns a description of the disagreement, if any.
pub fn verify_refusal(source: &str, problem: &Located<RoundTripError>) -> Option<String> {
    let (line, column) = (problem.position.line, problem.position.column);
    let text = line_text(source, line as usize)?;
    let chars: Vec<char> = text.chars().collect();
    let at: String = chars.iter().skip(column as usize - 1).collect();
    let before = (column as usize).checked_sub(2).and_then(|i| chars.get(i));
    let (expected, glued) = match &problem.error {
        RoundTripError::SymbolInName { name, symbol, .. } => {
            if !name.contains(symbol.as_str()) {
                return Some(format!("{line}:{column}: `{name}` does not hold `{symbol}`"));
            }
            (name.as_str(), false)
        }
        RoundTripError::SymbolInCode { symbol, .. } => (symbol.as_str(), false),
        RoundTripError::DialectWordAsName { name, .. } => (name.as_str(), false),
        RoundTripError::GluedWord { word } => (word.as_str(), true),
    };
    if !at.starts_with(expected) {
        return Some(format!("{line}:{column}: expected `{expected}` there, found `{at}`"));
    }
    if glued && !before.is_some_and(|c| c.is_alphanumeric() || *c == '_') {
        return Some(format!("{line}:{column}: `{expected}` does not touch a name or number"));
    }
    None
}

/// Line `line` (1-based) of `source`, where `\n`, `\r\n` and a lone `\r` end lines.
fn line_text(source: &str, line: usize) -> Option<&str> {
    let mut rest = source;
    for _ in 1..line {
        let end = rest.find(['\n', '\r'])?;
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[end + skip..];
    }
    Some(&rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())])
}

/// Counts of a whole run, for the report.
#[derive(Debug, Default)]
pub struct Counts {
    /// Files looked at.
    pub files: usize,
    /// Files that came back byte for byte.
    pub identical: usize,
    /// Refused files, by the kinds of problems each reports.
    pub refused: BTreeMap<&'static str, usize>,
    /// Files that are not UTF-8.
    pub not_utf8: usize,
    /// Files the round trip changed.
    pub mismatches: usize,
}
