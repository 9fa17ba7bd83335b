//! The symbol input method: `\for` then Tab becomes `∀`, and the `\symbols` table.

use phicode_core::SymbolTable;

/// `(\word, symbol)` for every symbol of the table, sorted by word.
pub fn sequences(table: &SymbolTable) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> =
        table.entries().iter().map(|e| (format!("\\{}", e.python), e.symbol.to_string())).collect();
    pairs.sort();
    pairs
}

/// The sequences starting with `typed` (which starts with `\`); an exact match first.
pub fn matching<'a>(pairs: &'a [(String, String)], typed: &str) -> Vec<&'a (String, String)> {
    let mut found: Vec<_> = pairs.iter().filter(|(word, _)| word.starts_with(typed)).collect();
    found.sort_by_key(|(word, _)| word != typed);
    found
}

/// The `\symbols` table: symbol, Python, what to type.
pub fn table_text(pairs: &[(String, String)]) -> String {
    let mut text = String::from("symbol  python      type\n");
    for (word, symbol) in pairs {
        let python = &word[1..];
        text.push_str(&format!("{symbol:<8}{python:<12}{word}<Tab>\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_map_to_symbols() {
        let pairs = sequences(&SymbolTable::new());
        let found = matching(&pairs, "\\for");
        assert_eq!(found[0], &("\\for".to_string(), "∀".to_string()));
        assert!(matching(&pairs, "\\r").iter().any(|(w, _)| w == "\\return"));
        assert!(table_text(&pairs).contains("∀       for         \\for<Tab>"));
    }
}
