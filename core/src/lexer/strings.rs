//! Plain (non-formatted) string literals and the pieces every string shares.

use super::scan::find;

/// An open string literal: its quote, whether it is triple-quoted and raw, where it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    pub(crate) quote: u8,
    pub(crate) triple: bool,
    pub(crate) raw: bool,
    /// Byte index of the token's start (prefix included), for error positions.
    pub(crate) start: usize,
}

impl Quote {
    /// Reads the opening quote at `at`; returns the quote and where its body begins.
    pub(crate) fn open(bytes: &[u8], at: usize, start: usize, raw: bool) -> (Self, usize) {
        let quote = bytes[at];
        let triple = bytes.get(at + 1) == Some(&quote) && bytes.get(at + 2) == Some(&quote);
        let body = if triple { at + 3 } else { at + 1 };
        (Self { quote, triple, raw, start }, body)
    }

    /// If a closing quote starts at `at` (where `bytes[at] == self.quote`), the index after it.
    #[inline]
    pub(crate) fn closes_at(&self, bytes: &[u8], at: usize) -> Option<usize> {
        if !self.triple {
            Some(at + 1)
        } else if bytes.get(at + 1) == Some(&self.quote) && bytes.get(at + 2) == Some(&self.quote) {
            Some(at + 3)
        } else {
            None
        }
    }
}

/// How a plain string ended.
pub(crate) enum End {
    /// Closed by its quote; the index after the quote.
    Closed(usize),
    /// A single-quoted string met a line break at this index (left for the caller).
    LineBreak(usize),
    /// The source ended first.
    Eof,
}

/// Skips a backslash escape at `at`, leaving braces alone (`\{` does not escape a field).
#[inline]
pub(crate) fn skip_escape(bytes: &[u8], at: usize, braces_matter: bool) -> usize {
    match bytes.get(at + 1) {
        Some(b'\r') if bytes.get(at + 2) == Some(&b'\n') => at + 3,
        Some(b'{' | b'}') if braces_matter => at + 1,
        Some(_) => at + 2,
        None => at + 1,
    }
}

/// Scans the body of a plain string that starts at `body`.
pub(crate) fn plain(bytes: &[u8], q: &Quote, body: usize) -> End {
    let mut i = body;
    loop {
        i = if q.triple {
            memchr::memchr2(q.quote, b'\\', &bytes[i.min(bytes.len())..])
                .map_or(bytes.len(), |p| i + p)
        } else {
            find(bytes, i, [q.quote, b'\\', b'\n', b'\r'], false)
        };
        match bytes.get(i) {
            None => return End::Eof,
            Some(b'\\') => i = skip_escape(bytes, i, false),
            Some(b'\n' | b'\r') => return End::LineBreak(i),
            Some(_) => match q.closes_at(bytes, i) {
                Some(end) => return End::Closed(end),
                None => i += 1,
            },
        }
    }
}
