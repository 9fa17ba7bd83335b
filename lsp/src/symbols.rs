//! What the server knows of φ symbols by itself: which symbol is under the cursor (hover
//! shows its Python word) and completion of `\word` and of a Python word to its symbol.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Position, Range, TextEdit,
};
use phicode_core::symbols::Origin;

use crate::document::Document;

/// The symbol under `at` and its Python text, if the cursor is on one.
pub fn symbol_at(doc: &Document, at: Position) -> Option<(String, String, Range)> {
    let lines = doc.phi_lines();
    let core = lines.to_core(&doc.text, at);
    let line = doc.map.line(core.line)?;
    let segment = line.segments.iter().find(|s| {
        // On a symbol, or just after it (where the cursor sits having typed it).
        s.phicode_column <= core.column && core.column <= s.phicode_column + s.phicode_len
    })?;
    let text = lines.line(&doc.text, at.line as usize);
    let start = segment.phicode_column as usize - 1;
    let symbol: String = text.chars().skip(start).take(segment.phicode_len as usize).collect();
    let entry = doc.dialect.table.by_symbol(&symbol)?;
    let from = phicode_core::Position { line: core.line, column: segment.phicode_column };
    let to = phicode_core::Position { column: from.column + segment.phicode_len, ..from };
    let range = Range { start: lines.to_lsp(&doc.text, from), end: lines.to_lsp(&doc.text, to) };
    Some((symbol, entry.python.clone(), range))
}

/// Hover text for a symbol: its Python word, and where the symbol comes from.
pub fn hover_text(doc: &Document, symbol: &str, python: &str) -> String {
    let origin = match doc.dialect.table.by_symbol(symbol).map(|e| e.origin) {
        Some(Origin::Dialect) => " (dialect)",
        _ => "",
    };
    format!("`{symbol}` → `{python}`{origin}")
}

/// Symbol completions at `at`: after `\word` every symbol whose Python text starts with
/// `word`; after a plain word the symbols for the Python words it starts. None in strings
/// and comments, where `"a\n` is text and not a `\not` being typed.
pub fn completions(doc: &Document, at: Position) -> Vec<CompletionItem> {
    let line = doc.phi_lines().line(&doc.text, at.line as usize);
    let before = doc.phi_lines().to_core(&doc.text, at).column as usize - 1;
    let head: Vec<char> = line.chars().take(before).collect();
    let word_len = head.iter().rev().take_while(|c| c.is_alphanumeric() || **c == '_').count();
    let word: String = head[head.len() - word_len..].iter().collect();
    let backslash = head.len() > word_len && head[head.len() - word_len - 1] == '\\';
    if word.is_empty() && !backslash {
        return Vec::new();
    }
    let typed = word_len + usize::from(backslash);
    let start = Position { line: at.line, character: at.character - utf16_len(&head, typed) };
    let range = Range { start, end: at };
    let offset = doc.phi_lines().offset(&doc.text, start);
    if !phicode_core::is_code_at(&doc.text, &doc.dialect.table, offset) {
        return Vec::new();
    }
    doc.dialect
        .table
        .entries()
        .iter()
        .filter(|e| e.python.starts_with(word.as_str()) && e.symbol != word)
        .filter(|e| backslash || e.python.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .map(|e| {
            let filter = if backslash { format!("\\{}", e.python) } else { e.python.clone() };
            CompletionItem {
                label: format!("{} {}", e.symbol, e.python),
                kind: Some(CompletionItemKind::OPERATOR),
                detail: Some(format!("φ symbol for `{}`", e.python)),
                filter_text: Some(filter.clone()),
                sort_text: Some(format!("0{filter}")),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range,
                    new_text: e.symbol.clone(),
                })),
                ..CompletionItem::default()
            }
        })
        .collect()
}

fn utf16_len(head: &[char], last: usize) -> u32 {
    head[head.len() - last..].iter().map(|c| c.len_utf16() as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn doc(text: &str) -> Document {
        let dialect = Arc::new(crate::host::Dialect::default());
        Document::new("a.φ".into(), "a.py".into(), text.into(), dialect)
    }

    #[test]
    fn hover_finds_the_symbol_and_its_word() {
        let d = doc("x = ℓ(y)\n");
        let found = symbol_at(&d, Position { line: 0, character: 4 });
        let (symbol, python, range) = found.expect("ℓ is a symbol");
        assert_eq!((symbol.as_str(), python.as_str()), ("ℓ", "len"));
        assert_eq!((range.start.character, range.end.character), (4, 5));
        assert!(symbol_at(&d, Position { line: 0, character: 1 }).is_none());
    }

    #[test]
    fn backslash_words_and_python_words_complete_to_symbols() {
        let d = doc("\\fo\nprin\n");
        let items = completions(&d, Position { line: 0, character: 3 });
        let edit = |i: &CompletionItem| match &i.text_edit {
            Some(CompletionTextEdit::Edit(e)) => (e.new_text.clone(), e.range.start.character),
            _ => panic!("a plain edit"),
        };
        assert_eq!(items.len(), 1);
        assert_eq!(edit(&items[0]), ("∀".to_string(), 0));
        let items = completions(&d, Position { line: 1, character: 4 });
        assert_eq!(items.iter().map(edit).collect::<Vec<_>>(), [("π".to_string(), 0)]);
    }

    #[test]
    fn strings_and_comments_get_no_symbols() {
        let d = doc("s = \"a\\n\"  # \\fo\nf\"{\\fo}\"\n");
        assert!(completions(&d, Position { line: 0, character: 8 }).is_empty(), "in a string");
        assert!(completions(&d, Position { line: 0, character: 15 }).is_empty(), "in a comment");
        assert_eq!(completions(&d, Position { line: 1, character: 6 }).len(), 1, "in a field");
    }
}
