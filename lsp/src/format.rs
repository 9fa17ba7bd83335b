//! Formatting: the document's φ derived again from its Python, so Python words typed in φ
//! (`print`, `for`, a dialect's targets) become their symbols. The edit covers only the span
//! that changes; Python that cannot round-trip is refused with every place named.

use lsp_types::{Range, TextEdit};
use phicode_core::to_phicode;

use crate::document::Document;
use crate::text::changed_span;

/// The edits that turn `doc` into the φ of its own Python (none when it already is).
pub fn edits(doc: &Document) -> Result<Vec<TextEdit>, String> {
    let phicode = to_phicode(&doc.python, &doc.dialect.table).map_err(|e| {
        let places: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
        format!("cannot re-derive φ: {}", places.join("; "))
    })?;
    if phicode == doc.text {
        return Ok(Vec::new());
    }
    let (start, old_end, new_end) = changed_span(&doc.text, &phicode);
    let lines = doc.phi_lines();
    let at = |offset| lines.to_lsp(&doc.text, lines.position(&doc.text, offset));
    Ok(vec![TextEdit {
        range: Range { start: at(start), end: at(old_end) },
        new_text: phicode[start..new_end].to_string(),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn python_words_become_symbols() {
        let dialect = Arc::new(crate::host::Dialect::default());
        let text = "x = 1\nfor i in range(3): print(i)\n";
        let doc = Document::new("a.φ".into(), "a.py".into(), text.into(), dialect);
        let edits = edits(&doc).expect("round-trips");
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].new_text, "∀ i ∈ ⟪(3): π");
        assert_eq!((edits[0].range.start.line, edits[0].range.start.character), (1, 0));
        assert_eq!((edits[0].range.end.line, edits[0].range.end.character), (1, 24));
    }
}
