//! The rules a dialect entry must follow, and the issues that report a broken one.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::entries::DialectEntry;
use crate::error::Located;
use crate::position::Position;
use crate::symbols::DEFAULT_SYMBOLS;
use crate::text::{is_hard_keyword, is_ident_char, is_identifier};

/// Why a dialect entry was dropped (or, in strict mode, refused).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
#[allow(missing_docs)] // Fields are named by what they hold: the entry's Python word and symbol.
pub enum DialectIssue {
    /// The config's value is a number, list, object, boolean or null.
    #[error("the symbol for `{python}` must be a string")]
    NotAString { python: String },
    /// The key is neither an identifier nor `:=`, `not in`, `is not`.
    #[error("`{python}` is neither a Python name nor one of `:=`, `not in`, `is not`")]
    BadTarget { python: String },
    /// The symbol is the empty string.
    #[error("the symbol for `{python}` is empty")]
    EmptySymbol { python: String },
    /// The symbol contains a character that would break Python's tokens.
    #[error("the symbol `{symbol}` for `{python}` contains {what}")]
    ForbiddenCharacter { python: String, symbol: String, what: &'static str },
    /// The symbol mixes name characters with other characters.
    #[error("the symbol `{symbol}` for `{python}` mixes name characters with other characters")]
    MixedSymbol { python: String, symbol: String },
    /// The symbol already stands for another Python word.
    #[error("the symbol `{symbol}` for `{python}` already means `{existing}`{}", if *default { " (a default symbol)" } else { "" })]
    Conflict { python: String, symbol: String, existing: String, default: bool },
    /// The symbol is itself a Python keyword or a word the table maps.
    #[error(
        "the symbol `{symbol}` for `{python}` is itself a Python word; φ could not tell them apart"
    )]
    SymbolIsPythonWord { python: String, symbol: String },
    /// The key is a word another entry uses as its symbol.
    #[error("`{python}` is already the symbol for `{existing}`")]
    TargetIsSymbol { python: String, existing: String },
    /// The symbol overlaps another symbol (one starts with the other, or holds it).
    #[error("the symbol `{symbol}` for `{python}` overlaps the symbol `{other}`")]
    Overlaps { python: String, symbol: String, other: String },
    /// The same Python word is mapped twice in the config.
    #[error("`{python}` is mapped more than once")]
    Duplicate { python: String },
}

/// Splits `entries` into the accepted `(python, symbol)` pairs and the issues of the rest.
pub(crate) fn validate(
    entries: &[DialectEntry],
) -> (Vec<(String, String)>, Vec<Located<DialectIssue>>) {
    let mut accepted: Vec<(String, String)> = Vec::new();
    let mut issues = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for entry in entries {
        let python = entry.python.as_str();
        let result = check(entry, &accepted, &seen, entries);
        seen.push(python);
        match result {
            Ok(Some(symbol)) => accepted.push((python.to_string(), symbol)),
            Ok(None) => {}
            Err((position, issue)) => issues.push(Located { position, error: issue }),
        }
    }
    (accepted, issues)
}

type Checked = Result<Option<String>, (Position, DialectIssue)>;

fn check(
    entry: &DialectEntry,
    accepted: &[(String, String)],
    seen: &[&str],
    all: &[DialectEntry],
) -> Checked {
    let python = entry.python.clone();
    let at_value = |issue| Err((entry.value_position, issue));
    let Some(symbol) = entry.symbol.clone() else {
        return at_value(DialectIssue::NotAString { python });
    };
    if seen.contains(&python.as_str()) {
        return Err((entry.key_position, DialectIssue::Duplicate { python }));
    }
    if !is_identifier(&python) && !matches!(python.as_str(), ":=" | "not in" | "is not") {
        return Err((entry.key_position, DialectIssue::BadTarget { python }));
    }
    if let Some(issue) = shape(&python, &symbol) {
        return at_value(issue);
    }
    let symbols = DEFAULT_SYMBOLS.iter().map(|(s, p)| (*s, *p, true));
    let symbols = symbols.chain(accepted.iter().map(|(p, s)| (s.as_str(), p.as_str(), false)));
    let mut glue = Vec::new();
    for (other, meaning, default) in symbols.clone() {
        if other == symbol {
            if meaning == python {
                return Ok(None); // Says again what the table already says.
            }
            let existing = meaning.to_string();
            return at_value(DialectIssue::Conflict { python, symbol, existing, default });
        }
        if !is_identifier(other) || default {
            glue.push(other);
        }
    }
    if let Some((_, existing, _)) = symbols.clone().find(|(s, _, _)| *s == python) {
        let existing = existing.to_string();
        return Err((entry.key_position, DialectIssue::TargetIsSymbol { python, existing }));
    }
    if is_identifier(&symbol) {
        let is_word = |w: &str| w == symbol;
        if is_hard_keyword(&symbol)
            || symbols.clone().any(|(_, p, _)| is_word(p))
            || all.iter().any(|e| is_word(&e.python))
        {
            return at_value(DialectIssue::SymbolIsPythonWord { python, symbol });
        }
    }
    let word = is_identifier(&symbol);
    let clash = glue.iter().find(|g| {
        if word { symbol.contains(**g) } else { g.starts_with(&*symbol) || symbol.starts_with(**g) }
    });
    if let Some(other) = clash {
        let other = other.to_string();
        return at_value(DialectIssue::Overlaps { python, symbol, other });
    }
    Ok(Some(symbol))
}

/// What is wrong with the symbol's characters, if anything.
fn shape(python: &str, symbol: &str) -> Option<DialectIssue> {
    let forbidden = |what| {
        Some(DialectIssue::ForbiddenCharacter {
            python: python.into(),
            symbol: symbol.into(),
            what,
        })
    };
    if symbol.is_empty() {
        return Some(DialectIssue::EmptySymbol { python: python.into() });
    }
    for c in symbol.chars() {
        match c {
            c if c.is_whitespace() => return forbidden("whitespace"),
            '\'' | '"' => return forbidden("a quote"),
            '#' => return forbidden("`#`"),
            '(' | ')' | '[' | ']' | '{' | '}' => return forbidden("a bracket"),
            '\\' => return forbidden("a backslash"),
            c if c.is_control() => return forbidden("a control character"),
            _ => {}
        }
    }
    if is_identifier(symbol) {
        return None;
    }
    if symbol.chars().any(is_ident_char) {
        return Some(DialectIssue::MixedSymbol { python: python.into(), symbol: symbol.into() });
    }
    if symbol.chars().any(|c| c.is_ascii()) {
        return forbidden("ASCII characters (Python's own operators and punctuation)");
    }
    if symbol.chars().count() > 1 {
        // Two glued symbols could read as one (`→→` then `→` is ambiguous): one character each.
        return forbidden("more than one character (a symbol that is not a name is one character)");
    }
    None
}
