//! The rules a dialect entry must follow, and the issues that report a broken one.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::entries::DialectEntry;
use crate::error::Located;
use crate::position::Position;
use crate::symbols::DEFAULT_SYMBOLS;
use crate::symbols::words::hash_str;
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

/// The config's entries by a text of theirs (symbol or Python word): a hash table of each
/// text's first entry, and a chain from each entry to the next with the same text. (A small
/// table of its own rather than a B-tree or sorted vectors: far less code in the wasm build.)
struct Index {
    /// Slots of first entries (`EMPTY` when free), probed linearly from the text's hash.
    slots: Vec<u32>,
    /// For each entry, the next entry with the same text (`EMPTY` at the end).
    next: Vec<u32>,
}

/// A free slot, or the end of a chain.
const EMPTY: u32 = u32::MAX;

impl Index {
    /// Indexes `entries` by `text` (entries without one are left out).
    fn new(entries: &[DialectEntry], text: impl Fn(&DialectEntry) -> Option<&str>) -> Self {
        let size = (entries.len().max(8) * 2).next_power_of_two();
        let mut index = Self { slots: vec![EMPTY; size], next: vec![EMPTY; entries.len()] };
        for (at, entry) in entries.iter().enumerate().rev() {
            let Some(key) = text(entry) else { continue };
            let slot = index.slot(key, |i| text(&entries[i as usize]));
            // Walking backwards, each entry goes in front of its chain: chains run in order.
            index.next[at] = index.slots[slot];
            index.slots[slot] = at as u32;
        }
        index
    }

    /// The slot of `key`: the one holding its chain, or the free one where it would go.
    fn slot<'e>(&self, key: &str, text: impl Fn(u32) -> Option<&'e str>) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = hash_str(key) & mask;
        while self.slots[slot] != EMPTY && text(self.slots[slot]) != Some(key) {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The entries whose text is `key`, in order.
    fn of<'e>(
        &self,
        key: &str,
        text: impl Fn(u32) -> Option<&'e str>,
    ) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.slots[self.slot(key, text)];
        core::iter::from_fn(move || {
            let here = (at != EMPTY).then_some(at as usize)?;
            at = self.next[here];
            Some(here)
        })
    }
}

/// What the defaults and the entries before the one being checked say, for lookups that
/// cost a hash, not a walk over every entry before it.
struct Known<'a> {
    /// The entries by their symbol.
    by_symbol: Index,
    /// The entries by their Python word.
    by_python: Index,
    /// Which entries were accepted (decided in order, so all before the current one are).
    accepted: Vec<bool>,
    /// The config's entries.
    entries: &'a [DialectEntry],
}

impl<'a> Known<'a> {
    fn new(entries: &'a [DialectEntry]) -> Self {
        Self {
            by_symbol: Index::new(entries, |e| e.symbol.as_deref()),
            by_python: Index::new(entries, |e| Some(e.python.as_str())),
            accepted: vec![false; entries.len()],
            entries,
        }
    }

    fn symbol(&self, at: u32) -> Option<&'a str> {
        self.entries[at as usize].symbol.as_deref()
    }

    fn python(&self, at: u32) -> Option<&'a str> {
        Some(self.entries[at as usize].python.as_str())
    }

    /// What `symbol` stands for before entry `at`: (Python word, whether a default).
    fn meaning(&self, symbol: &str, at: usize) -> Option<(&'a str, bool)> {
        if let Some((_, python)) = DEFAULT_SYMBOLS.iter().find(|(s, _)| *s == symbol) {
            return Some((python, true));
        }
        let mut earlier = self.by_symbol.of(symbol, |i| self.symbol(i)).take_while(|&i| i < at);
        earlier.find(|&i| self.accepted[i]).map(|i| (self.entries[i].python.as_str(), false))
    }

    /// Whether an entry before `at` maps `python` already.
    fn seen(&self, python: &str, at: usize) -> bool {
        self.by_python.of(python, |i| self.python(i)).next().is_some_and(|first| first < at)
    }

    /// Whether `word` is a Python word of a default or of any entry.
    fn is_word(&self, word: &str) -> bool {
        DEFAULT_SYMBOLS.iter().any(|(_, p)| *p == word)
            || self.by_python.of(word, |i| self.python(i)).next().is_some()
    }

    /// Whether `c` is the (one-character, glue) symbol of an entry accepted before `at`.
    fn glued(&self, c: char, at: usize) -> bool {
        let mut buffer = [0u8; 4];
        let key: &str = c.encode_utf8(&mut buffer);
        if is_identifier(key) {
            return false; // A name character: a word symbol, never glue.
        }
        let mut earlier = self.by_symbol.of(key, |i| self.symbol(i)).take_while(|&i| i < at);
        earlier.any(|i| self.accepted[i])
    }
}

/// Splits `entries` into the accepted `(python, symbol)` pairs and the issues of the rest.
pub(crate) fn validate(
    entries: &[DialectEntry],
) -> (Vec<(String, String)>, Vec<Located<DialectIssue>>) {
    let mut known = Known::new(entries);
    let room = MAX_ENTRIES - DEFAULT_SYMBOLS.len();
    let mut accepted: Vec<(String, String)> = Vec::new();
    let mut issues = Vec::new();
    let mut left_out: Option<(Position, &str, usize)> = None;
    for (at, entry) in entries.iter().enumerate() {
        let result = check(entry, at, &known);
        if matches!(result, Ok(Some(_))) && accepted.len() == room {
            // One issue for all of them, at the first: not tens of thousands of lines.
            let (_, _, count) = left_out.get_or_insert((entry.key_position, &entry.python, 0));
            *count += 1;
            continue;
        }
        match result {
            Ok(Some(symbol)) => {
                known.accepted[at] = true;
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

fn check(entry: &DialectEntry, at: usize, known: &Known<'_>) -> Checked {
    let python = entry.python.clone();
    let at_value = |issue| Err((entry.value_position, issue));
    let Some(symbol) = entry.symbol.clone() else {
        return at_value(DialectIssue::NotAString { python });
    };
    if known.seen(&python, at) {
        return Err((entry.key_position, DialectIssue::Duplicate { python }));
    }
    if !is_identifier(&python) && !matches!(python.as_str(), ":=" | "not in" | "is not") {
        return Err((entry.key_position, DialectIssue::BadTarget { python }));
    }
    if let Some(issue) = shape(&python, &symbol) {
        return at_value(issue);
    }
    if let Some((meaning, default)) = known.meaning(&symbol, at) {
        if meaning == python {
            return Ok(None); // Says again what the table already says.
        }
        let existing = meaning.to_string();
        return at_value(DialectIssue::Conflict { python, symbol, existing, default });
    }
    if let Some((existing, _)) = known.meaning(&python, at) {
        let existing = existing.to_string();
        return Err((entry.key_position, DialectIssue::TargetIsSymbol { python, existing }));
    }
    let word = is_identifier(&symbol);
    if word && (is_hard_keyword(&symbol) || known.is_word(&symbol)) {
        return at_value(DialectIssue::SymbolIsPythonWord { python, symbol });
    }
    let overlaps = |g: &str| {
        if word { symbol.contains(g) } else { g.starts_with(&*symbol) || symbol.starts_with(g) }
    };
    // Accepted glue symbols are one character each (see `shape`): a name holds one when it
    // holds its character, and a one-character symbol equal to one is a conflict, above.
    let held = word.then(|| symbol.chars().find(|&c| known.glued(c, at))).flatten();
    let clash =
        DEFAULT_SYMBOLS.iter().map(|(g, _)| *g).find(|g| overlaps(g)).map(|g| g.to_string());
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
