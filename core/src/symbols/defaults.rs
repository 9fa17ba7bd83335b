//! The default symbol table: the 48 entries of Phicode 2.6, with `≔` meaning `:=`.

/// `(symbol, python text)` pairs, in the reference's order. Every symbol is one code point.
pub const DEFAULT_SYMBOLS: [(&str, &str); 48] = [
    ("⊥", "False"),
    ("Ø", "None"),
    ("✓", "True"),
    ("∧", "and"),
    ("↦", "as"),
    ("‼", "assert"),
    ("⟳", "async"),
    ("⌛", "await"),
    ("⇲", "break"),
    ("ℂ", "class"),
    ("⇉", "continue"),
    ("ƒ", "def"),
    ("∂", "del"),
    ("⤷", "elif"),
    ("⋄", "else"),
    ("⛒", "except"),
    ("⇗", "finally"),
    ("∀", "for"),
    ("←", "from"),
    ("⟁", "global"),
    ("¿", "if"),
    ("⇒", "import"),
    ("∈", "in"),
    ("≡", "is"),
    ("λ", "lambda"),
    ("∇", "nonlocal"),
    ("¬", "not"),
    ("∨", "or"),
    ("⋯", "pass"),
    ("↑", "raise"),
    ("⟲", "return"),
    ("∴", "try"),
    ("↻", "while"),
    ("∥", "with"),
    ("⟰", "yield"),
    ("⟷", "match"),
    ("▷", "case"),
    ("π", "print"),
    ("ℓ", "len"),
    ("⟪", "range"),
    ("№", "enumerate"),
    ("⨅", "zip"),
    ("∑", "sum"),
    ("⭱", "max"),
    ("⭳", "min"),
    ("∣", "abs"),
    ("τ", "type"),
    ("≔", ":="),
];

#[cfg(test)]
mod tests {
    use super::DEFAULT_SYMBOLS;

    #[test]
    fn every_symbol_is_one_code_point_and_unique() {
        for (i, (symbol, _)) in DEFAULT_SYMBOLS.iter().enumerate() {
            assert_eq!(symbol.chars().count(), 1, "{symbol}");
            assert!(DEFAULT_SYMBOLS[i + 1..].iter().all(|(s, _)| s != symbol));
        }
    }

    #[test]
    fn python_words_are_unique() {
        for (i, (_, word)) in DEFAULT_SYMBOLS.iter().enumerate() {
            assert!(DEFAULT_SYMBOLS[i + 1..].iter().all(|(_, w)| w != word));
        }
    }
}
