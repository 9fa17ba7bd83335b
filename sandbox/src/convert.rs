//! φ cells become Python on the host, before the guest sees them, with the native
//! worker's rule for `language: auto`: φ when the cell uses a symbol of the table
//! (outside strings and comments), else Python as it is. Line N of the Python is line N
//! of the φ cell, so tracebacks point at the cell's own lines.

use phicode_core::{Options, SymbolTable, to_python_with};
use phicode_sessions::protocol::Language;

/// The Python to run for `code`, or `None` when the code runs as it is.
pub fn python_of(table: &SymbolTable, code: &str, language: Language) -> Option<String> {
    if language == Language::Python {
        return None;
    }
    let conversion = to_python_with(code, table, Options { source_map: false });
    let forced = language == Language::Phicode;
    (forced || !conversion.symbols_used.is_empty()).then_some(conversion.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_converts_only_cells_with_symbols() {
        let table = SymbolTable::default();
        assert_eq!(python_of(&table, "π(1)", Language::Auto).as_deref(), Some("print(1)"));
        assert_eq!(python_of(&table, "x = 'π'", Language::Auto), None);
        assert_eq!(python_of(&table, "π(1)", Language::Python), None);
        assert_eq!(python_of(&table, "x = 1", Language::Phicode).as_deref(), Some("x = 1"));
    }
}
