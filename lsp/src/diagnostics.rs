//! The server's own diagnostics of a φ document, at φ positions: lexical errors, the
//! problems of its dialect config, and (when the text lexes) Python's SyntaxError; merged
//! with the Python server's diagnostics of the twin.

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Position, Range, Url,
};

use crate::document::Document;
use crate::host::Host;

/// The `source` of the server's own diagnostics.
pub const SOURCE: &str = "phicode";

/// Lexical errors, dialect problems and the SyntaxError of `doc`.
pub fn own(doc: &Document, host: &dyn Host) -> Vec<Diagnostic> {
    let lines = doc.phi_lines();
    let at = |p| lines.to_lsp(&doc.text, p);
    let mut found: Vec<Diagnostic> = doc
        .lex
        .iter()
        .map(|d| {
            let start = at(d.position);
            let end = Position { line: start.line, character: start.character + 1 };
            error(Range { start, end }, d.error.to_string())
        })
        .collect();
    if found.is_empty()
        && let Some(problem) = host.syntax_error(&doc.python, &doc.text, &doc.map)
    {
        let start = at(problem.position);
        let end = problem
            .end
            .map(at)
            .filter(|&e| e > start)
            .unwrap_or(Position { line: start.line, character: start.character + 1 });
        found.push(error(Range { start, end }, problem.message));
    }
    if let Some(config) = &doc.dialect.path {
        let uri = Url::from_file_path(config).ok();
        for (position, message) in &doc.dialect.issues {
            let place = Position {
                line: position.line.saturating_sub(1),
                character: position.column.saturating_sub(1),
            };
            let mut d = error(Range::default(), format!("dialect config: {message}"));
            d.severity = Some(DiagnosticSeverity::WARNING);
            d.related_information = uri.clone().map(|uri| {
                let location = Location { uri, range: Range { start: place, end: place } };
                vec![DiagnosticRelatedInformation { location, message: message.clone() }]
            });
            found.push(d);
        }
    }
    found
}

/// The problems of a config file itself, at their places in its JSON.
pub fn config_file(issues: &[(phicode_core::Position, String)]) -> Vec<Diagnostic> {
    issues
        .iter()
        .map(|(p, message)| {
            let start =
                Position { line: p.line.saturating_sub(1), character: p.column.saturating_sub(1) };
            let end = Position { line: start.line, character: start.character + 1 };
            error(Range { start, end }, message.clone())
        })
        .collect()
}

/// `own` then the Python server's, leaving out the Python server's report of a syntax
/// problem the server already reports on the same line.
pub fn merge(own: &[Diagnostic], python: &[Diagnostic]) -> Vec<Diagnostic> {
    let own_lines: Vec<u32> = own
        .iter()
        .filter(|d| d.range != Range::default() || d.severity == Some(DiagnosticSeverity::ERROR))
        .map(|d| d.range.start.line)
        .collect();
    let mut all = own.to_vec();
    all.extend(python.iter().filter(|d| !own_lines.contains(&d.range.start.line)).cloned());
    all
}

fn error(range: Range, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.into()),
        message,
        ..Diagnostic::default()
    }
}
