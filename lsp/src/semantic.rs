//! Semantic tokens for the dialect's symbols: a TextMate grammar cannot know a project's
//! own words (`si`, `retour`), the server can, so the editor colours them like the Python
//! they stand for.

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};
use phicode_core::symbols::Origin;

use crate::document::Document;

/// Python's keywords (hard and soft): their dialect words are keywords too.
const KEYWORDS: [&str; 38] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "match", "case", ":=",
];

/// The token types and modifiers the server uses, in legend order.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: vec![SemanticTokenType::KEYWORD, SemanticTokenType::FUNCTION],
        token_modifiers: vec![SemanticTokenModifier::DEFAULT_LIBRARY],
    }
}

/// One token per dialect symbol in `doc`: a keyword, or a name (function, module, ...).
pub fn tokens(doc: &Document) -> SemanticTokens {
    let lines = doc.phi_lines();
    let mut data = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    for line in doc.map.lines() {
        let text = lines.line(&doc.text, line.line as usize - 1);
        for segment in line.segments {
            let start = segment.phicode_column as usize - 1;
            let symbol: String =
                text.chars().skip(start).take(segment.phicode_len as usize).collect();
            let Some(entry) = doc.dialect.table.by_symbol(&symbol) else { continue };
            if entry.origin != Origin::Dialect {
                continue;
            }
            let keyword = KEYWORDS.contains(&entry.python.as_str()) || entry.python.contains(' '); // `not in`, `is not`
            let at = lines.to_lsp(
                &doc.text,
                phicode_core::Position { line: line.line, column: segment.phicode_column },
            );
            let delta_line = at.line - last_line;
            let delta_start =
                if delta_line == 0 { at.character - last_start } else { at.character };
            data.push(SemanticToken {
                delta_line,
                delta_start,
                length: symbol.chars().map(|c| c.len_utf16() as u32).sum(),
                token_type: u32::from(!keyword),
                token_modifiers_bitset: u32::from(!keyword),
            });
            (last_line, last_start) = (at.line, at.character);
        }
    }
    SemanticTokens { result_id: None, data }
}
