//! String literals of every form, comments and docstrings.

use super::state::Gen;
use super::words::{ASCII_WORDS, ESCAPES, RAW_FRAGMENTS, STR_ESCAPES, SYMBOL_WORDS, UNICODE_WORDS};

/// The four quotings of a Python string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quote {
    pub ch: char,
    pub triple: bool,
}

impl Quote {
    /// The other quote character, for strings nested in f-string fields.
    pub fn other(self) -> char {
        if self.ch == '"' { '\'' } else { '"' }
    }

    fn delimiter(self) -> String {
        let n = if self.triple { 3 } else { 1 };
        core::iter::repeat_n(self.ch, n).collect()
    }
}

/// What may appear in the text part of a literal.
#[derive(Debug, Clone, Copy)]
struct Body {
    raw: bool,
    bytes: bool,
    fstring: bool,
    /// Words and fields only: the text of an f-string nested in a field, where Python 3.11
    /// allows neither backslashes nor the outer quote.
    plain: bool,
}

impl Gen {
    /// A string literal in code: any prefix, any quoting.
    pub fn string(&mut self) {
        const PREFIXES: &[&str] =
            &["", "", "", "", "r", "R", "b", "rb", "Br", "u", "f", "f", "F", "rf", "fR"];
        let prefix = *self.rng.pick(PREFIXES);
        let quote =
            Quote { ch: if self.rng.chance(50) { '"' } else { '\'' }, triple: self.rng.chance(12) };
        let lower = prefix.to_ascii_lowercase();
        let body = Body {
            raw: lower.contains('r'),
            bytes: lower.contains('b'),
            fstring: lower.contains('f'),
            plain: false,
        };
        self.push(prefix);
        self.literal(quote, body, true);
    }

    /// A short non-prefixed string with the given quote, as used in fields and arguments.
    pub fn simple_string(&mut self, ch: char) {
        let quote = Quote { ch, triple: false };
        let words = 1 + self.rng.below(3);
        self.out.push(ch);
        for w in 0..words {
            if w > 0 {
                self.push(" ");
            }
            let word = self.pick_word(false);
            self.push(word);
        }
        self.push(&quote.delimiter());
    }

    /// An f-string (never nested beyond one level, as Python 3.11 requires).
    pub fn fstring(&mut self, ch: char, nested: bool) {
        self.push("f");
        let quote = Quote { ch, triple: false };
        let body = Body { raw: false, bytes: false, fstring: true, plain: !nested };
        self.literal(quote, body, nested);
    }

    fn literal(&mut self, quote: Quote, body: Body, nested: bool) {
        let delimiter = quote.delimiter();
        self.push(&delimiter);
        let pieces = 1 + self.rng.below(7);
        for piece in 0..pieces {
            if piece > 0 {
                let gap = if quote.triple && self.rng.chance(20) { "\n" } else { " " };
                self.push(gap);
            }
            self.piece(quote, body, nested);
        }
        self.push(&delimiter);
    }

    /// One word, escape or replacement field of a literal's text.
    fn piece(&mut self, quote: Quote, body: Body, nested: bool) {
        let roll = self.rng.below(100);
        if body.fstring && roll < 30 {
            return self.field(quote, nested);
        }
        if body.fstring && roll < 34 {
            return self.push("{{literal}}");
        }
        if body.plain {
            let word = self.pick_word(false);
            return self.push(word);
        }
        if body.raw && (34..50).contains(&roll) {
            let fragment = *self.rng.pick(RAW_FRAGMENTS);
            return self.push(fragment);
        }
        if !body.raw && (34..44).contains(&roll) {
            let escape = if body.bytes || self.rng.chance(60) {
                *self.rng.pick(ESCAPES)
            } else {
                *self.rng.pick(STR_ESCAPES)
            };
            return self.push(escape);
        }
        match roll {
            50..=53 if !quote.triple => {
                // The same quote, escaped: `\'` (also legal, and kept, in raw strings).
                self.out.push('\\');
                self.out.push(quote.ch);
            }
            54..=57 => self.out.push(quote.other()),
            58..=60 if !body.fstring => self.push("#not-a-comment {braces}"),
            _ => {
                let word = self.pick_word(body.bytes);
                self.push(word);
            }
        }
    }

    fn pick_word(&mut self, ascii_only: bool) -> &'static str {
        match self.rng.below(100) {
            0..=11 if !ascii_only => self.rng.pick::<&str>(UNICODE_WORDS),
            12..=23 if !ascii_only => self.rng.pick::<&str>(SYMBOL_WORDS),
            _ => self.rng.pick::<&str>(ASCII_WORDS),
        }
    }

    /// `# ...` with words, symbols, non-ASCII text and quotes (no line break).
    pub fn comment_text(&mut self) {
        self.push("#");
        let words = 1 + self.rng.below(9);
        for _ in 0..words {
            self.push(" ");
            if self.rng.chance(6) {
                let odd = *self.rng.pick(&["don't", "\"quoted\"", "'''", "{x}", "C:\\temp\\"]);
                self.push(odd);
            } else {
                let word = self.pick_word(false);
                self.push(word);
            }
        }
    }

    /// A docstring line at the current indentation.
    pub fn docstring(&mut self) {
        self.begin();
        let quote = Quote { ch: '"', triple: true };
        let body = Body { raw: false, bytes: false, fstring: false, plain: false };
        self.literal(quote, body, false);
        self.push("\n");
    }
}
