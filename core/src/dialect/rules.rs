//! The rules a dialect entry must follow, and the issues that report a broken one.

use alloc::collections::{BTreeMap, BTreeSet};
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
    /// The config has more entries than a table can number (entries are `u16` indices).
    #[error("a dialect holds at most {limit} entries: `{python}` and {} more after it are left out", left_out - 1)]
    TooMany { python: String, limit: usize, left_out: usize },
}

/// The most entries a table holds, defaults included: entries are numbered with `u16`.
pub const MAX_ENTRIES: usize = u16::MAX as usize - 1;

/// What the entries accepted so far (and the defaults) say, indexed so that checking an
/// entry costs a few lookups, not a walk over every entry before it.
struct Known<'a> {
    /// Symbol → (its Python word, whether it is a default).
    meaning: BTreeMap<&'a str, (&'a str, bool)>,
    /// Every Python word mapped by a default, an accepted entry or any entry of the config.
    words: BTreeSet<&'a str>,
    /// Python words already seen in the config (a second one is a duplicate).
    seen: BTreeSet<&'a str>,
    /// The default symbols (any of them may be glued to a name).
    defaults: Vec<&'a str>,
    /// The one-character glue symbols accepted, for quick "does this name hold one" checks.
    glue_chars: BTreeSet<char>,
}

/// Splits `entries` into the accepted `(python, symbol)` pairs and the issues of the rest.
pub(crate) fn validate(
    entries: &[DialectEntry],
) -> (Vec<(String, String)>, Vec<Located<DialectIssue>>) {
    let mut known = Known {
        meaning: DEFAULT_SYMBOLS.iter().map(|(s, p)| (*s, (*p, true))).collect(),
        words: DEFAULT_SYMBOLS.iter().map(|(_, p)| *p).collect(),
        seen: BTreeSet::new(),
        defaults: DEFAULT_SYMBOLS.iter().map(|(s, _)| *s).collect(),
        glue_chars: BTreeSet::new(),
    };
    known.words.extend(entries.iter().map(|e| e.python.as_str()));
    let room = MAX_ENTRIES - DEFAULT_SYMBOLS.len();
    let mut accepted: Vec<(String, String)> = Vec::new();
    let mut issues = Vec::new();
    let mut left_out: Option<(Position, &str, usize)> = None;
    for entry in entries {
        let result = check(entry, &known);
        if matches!(result, Ok(Some(_))) && accepted.len() == room {
            // One issue for all of them, at the first: not tens of thousands of lines.
            let (_, _, count) = left_out.get_or_insert((entry.key_position, &entry.python, 0));
            *count += 1;
            continue;
        }
        known.seen.insert(entry.python.as_str());
        match result {
            Ok(Some(symbol)) => {
                let symbol_text = entry.symbol.as_deref().unwrap_or_default();
                known.meaning.insert(symbol_text, (entry.python.as_str(), false));
                if !is_identifier(symbol_text) {
                    known.glue_chars.extend(symbol_text.chars());
                }
                accepted.push((entry.python.clone(), symbol));
            }
            Ok(None) => {}
            Err((position, issue)) => issues.push(Located { position, error: issue }),
        }
    }
    if let Some((position, python, left_out)) = left_out {
        let python = python.to_string();
        let error = DialectIssue::TooMany { python, limit: room, left_out };
        issues.push(Located { position, error });
    }
    (accepted, issues)
}

type Checked = Result<Option<String>, (Position, DialectIssue)>;

fn check(entry: &DialectEntry, known: &Known<'_>) -> Checked {
    let python = entry.python.clone();
    let at_value = |issue| Err((entry.value_position, issue));
    let Some(symbol) = entry.symbol.clone() else {
        return at_value(DialectIssue::NotAString { python });
    };
    if known.seen.contains(python.as_str()) {
        return Err((entry.key_position, DialectIssue::Duplicate { python }));
    }
    if !is_identifier(&python) && !matches!(python.as_str(), ":=" | "not in" | "is not") {
        return Err((entry.key_position, DialectIssue::BadTarget { python }));
    }
    if let Some(issue) = shape(&python, &symbol) {
        return at_value(issue);
    }
    if let Some((meaning, default)) = known.meaning.get(symbol.as_str()) {
        if *meaning == python {
            return Ok(None); // Says again what the table already says.
        }
        let existing = meaning.to_string();
        return at_value(DialectIssue::Conflict { python, symbol, existing, default: *default });
    }
    if let Some((existing, _)) = known.meaning.get(python.as_str()) {
        let existing = existing.to_string();
        return Err((entry.key_position, DialectIssue::TargetIsSymbol { python, existing }));
    }
    let word = is_identifier(&symbol);
    if word && (is_hard_keyword(&symbol) || known.words.contains(symbol.as_str())) {
        return at_value(DialectIssue::SymbolIsPythonWord { python, symbol });
    }
    let overlaps = |g: &str| {
        if word { symbol.contains(g) } else { g.starts_with(&*symbol) || symbol.starts_with(g) }
    };
    // Accepted glue symbols are one character each (see `shape`): a name holds one when it
    // holds its character, and a one-character symbol equal to one is a conflict, above.
    let held = word.then(|| symbol.chars().find(|c| known.glue_chars.contains(c))).flatten();
    let clash = known.defaults.iter().find(|g| overlaps(g)).map(|g| g.to_string());
    if let Some(other) = clash.or_else(|| held.map(String::from)) {
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
