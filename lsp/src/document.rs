//! One φ document: its text, its Python twin and the column map between them, and the
//! position mapping both ways in LSP terms.

use std::path::PathBuf;
use std::sync::Arc;

use lsp_types::{Position as LspPosition, Range, TextDocumentContentChangeEvent};
use phicode_core::{LexError, Located, Options, SourceMap, to_python_with};

use crate::host::Dialect;
use crate::text::Lines;

/// A φ file as the server knows it (open in the editor, or read from disk).
#[derive(Debug)]
pub struct Document {
    /// The φ file.
    pub path: PathBuf,
    /// Its `.py` twin in the shadow folder.
    pub twin: PathBuf,
    /// The φ text.
    pub text: String,
    /// The editor's version, when open.
    pub version: Option<i32>,
    /// The dialect it converts with.
    pub dialect: Arc<Dialect>,
    /// The Python conversion of `text`.
    pub python: String,
    /// Column map between `text` and `python`.
    pub map: SourceMap,
    /// Lexical problems of `text`.
    pub lex: Vec<Located<LexError>>,
    phi_lines: Lines,
    py_lines: Lines,
}

impl Document {
    /// A document for `text`, converted at once.
    pub fn new(path: PathBuf, twin: PathBuf, text: String, dialect: Arc<Dialect>) -> Self {
        let mut doc = Self {
            path,
            twin,
            text,
            version: None,
            dialect,
            python: String::new(),
            map: SourceMap::default(),
            lex: Vec::new(),
            phi_lines: Lines::new(""),
            py_lines: Lines::new(""),
        };
        doc.convert();
        doc
    }

    /// Converts the φ text again (after an edit or a dialect change).
    pub fn convert(&mut self) {
        let text = self.text.strip_prefix('\u{feff}').unwrap_or(&self.text);
        let conversion = to_python_with(text, &self.dialect.table, Options { source_map: true });
        // A byte order mark is not code; the twin keeps it so columns stay as they are.
        self.python = if text.len() == self.text.len() {
            conversion.code
        } else {
            format!("\u{feff}{}", conversion.code)
        };
        self.map = conversion.source_map.unwrap_or_default();
        self.lex = conversion.diagnostics;
        self.phi_lines = Lines::new(&self.text);
        self.py_lines = Lines::new(&self.python);
    }

    /// Applies the editor's changes in order (ranges in the text as each change finds it),
    /// then converts once.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let lines = Lines::new(&self.text);
                    let start = lines.offset(&self.text, range.start);
                    let end = lines.offset(&self.text, range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.convert();
    }

    /// Line lookups in the φ text.
    pub fn phi_lines(&self) -> &Lines {
        &self.phi_lines
    }

    /// Where a φ position is in the twin. Inside a symbol it is at the symbol's Python word
    /// (past a space the conversion put before it, which would point at nothing).
    pub fn to_python(&self, at: LspPosition) -> LspPosition {
        let phi = self.phi_lines.to_core(&self.text, at);
        let mut py = self.map.to_python(phi);
        let py_line = self.py_lines.line(&self.python, at.line as usize);
        let phi_line = self.phi_lines.line(&self.text, at.line as usize);
        let on_code = phi_line.chars().nth(phi.column as usize - 1).is_some_and(|c| c != ' ');
        if on_code {
            let skipped =
                py_line.chars().skip(py.column as usize - 1).take_while(|&c| c == ' ').count();
            py.column += skipped as u32;
        }
        self.py_lines.to_lsp(&self.python, py)
    }

    /// Where a twin position is in the φ text.
    pub fn to_phicode(&self, at: LspPosition) -> LspPosition {
        let py = self.py_lines.to_core(&self.python, at);
        self.phi_lines.to_lsp(&self.text, self.map.to_phicode(py))
    }

    /// A twin range in the φ text.
    pub fn range_to_phicode(&self, range: Range) -> Range {
        Range { start: self.to_phicode(range.start), end: self.to_phicode(range.end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new("a.φ".into(), "a.py".into(), text.into(), Arc::new(Dialect::default()))
    }

    fn at(line: u32, character: u32) -> LspPosition {
        LspPosition { line, character }
    }

    #[test]
    fn positions_map_both_ways() {
        let d = doc("¿x∈xs: π(ℓ(xs))\n");
        assert_eq!(d.python, "if x in xs: print(len(xs))\n");
        // `x` after `¿`, `π` itself, `xs` inside `ℓ(...)`.
        assert_eq!(d.to_python(at(0, 1)), at(0, 3));
        assert_eq!(d.to_python(at(0, 7)), at(0, 12));
        assert_eq!(d.to_phicode(at(0, 12)), at(0, 7));
        assert_eq!(d.to_phicode(at(0, 22)), at(0, 11));
        // `print` as a range is `π` as a range.
        let print = Range { start: at(0, 12), end: at(0, 17) };
        assert_eq!(d.range_to_phicode(print), Range { start: at(0, 7), end: at(0, 8) });
        // `∈` maps past the space put before `in`.
        assert_eq!(d.to_python(at(0, 2)), at(0, 5));
    }

    #[test]
    fn incremental_edits_apply_in_utf16() {
        let mut d = doc("π(1)\n");
        let change = |line, from, to, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range { start: at(line, from), end: at(line, to) }),
            range_length: None,
            text: text.into(),
        };
        d.apply(vec![change(0, 2, 3, "ℓ(xs)"), change(1, 0, 0, "∀ x ∈ y: ⋯\n")]);
        assert_eq!(d.text, "π(ℓ(xs))\n∀ x ∈ y: ⋯\n");
        assert_eq!(d.python, "print(len(xs))\nfor x in y: pass\n");
    }
}
