//! A Python-aware lexer: for every byte it knows whether it is code, a string, a comment, or
//! code inside an f-string (or t-string) replacement field.
//!
//! The lexer walks strings, comments and f-string nesting itself, with an explicit stack (no
//! recursion, so hostile nesting cannot overflow), and hands each code token its `Handler`
//! asks for (symbols, names, `:=`) to the handler, which does the converting.

mod fstring;
mod prefix;
pub(crate) mod scan;
mod skim;
mod strings;

use alloc::vec::Vec;

use crate::error::LexError;
use strings::{End, Quote};

/// What a transpiler plugs into the lexer.
pub(crate) trait Handler {
    /// First index at or after `from`, in top-level code, holding a quote, `#`, or a byte
    /// that `wants` accepts (`bytes.len()` when none).
    fn next_stop(&self, bytes: &[u8], from: usize) -> usize;
    /// Whether the handler consumes code tokens that start with byte `b`.
    fn wants(&self, b: u8) -> bool;
    /// Whether the non-ASCII char `c` is a token of its own (a φ glue symbol).
    fn splits(&self, c: char) -> bool;
    /// Consumes the code token at `pos`; returns the index right after it.
    fn token(&mut self, src: &str, pos: usize) -> usize;
    /// Reports a lexical error for the token that starts at byte `pos`.
    fn error(&mut self, pos: usize, error: LexError);
    /// Whether top-level code may take the fast path, which calls `glyph` for non-ASCII
    /// characters and nothing else (so a handler that wants names never skims).
    fn skims(&self) -> bool {
        false
    }
    /// Consumes the non-ASCII character at `pos` in top-level code on the fast path;
    /// returns the index right after what it consumed, or `None` to leave it to `token`.
    fn glyph(&mut self, _src: &str, _pos: usize) -> Option<usize> {
        None
    }
}

/// Where the string whose quote is at `quote` starts (its prefix included).
pub(crate) fn prefix_start(src: &str, quote: usize, splits: impl Fn(char) -> bool) -> usize {
    prefix::detect(src.as_bytes(), src, quote, splits).start
}

/// Whether `word` is a whole string prefix (`f`, `rb`, `T`): before a quote it would start a
/// string instead of standing as a name.
pub(crate) fn is_string_prefix(word: &str) -> bool {
    !word.is_empty() && prefix_start(word, word.len(), |_| false) == 0
}

/// Where the lexer is inside an f-string.
#[derive(Debug, Clone, Copy)]
enum Frame {
    /// The literal text of an f-string.
    Literal(Quote),
    /// The code of a replacement field, with its bracket depth.
    Field { depth: u32 },
    /// A field's format spec: text in which `{` opens a nested field.
    Spec,
}

/// Lexes `src`, calling `handler` for every code token it wants.
pub(crate) fn lex<H: Handler>(src: &str, handler: &mut H) {
    let bytes = src.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if stack.is_empty() {
            i = top_level(src, i, handler, &mut stack);
            continue;
        }
        let depth_before = stack.len();
        let next = match stack.last().copied() {
            Some(Frame::Literal(q)) => fstring::literal(bytes, i, q, handler, &mut stack),
            Some(Frame::Field { depth }) => fstring::field(src, i, depth, handler, &mut stack),
            Some(Frame::Spec) => fstring::spec(bytes, i, handler, &mut stack),
            None => i,
        };
        i = if next > i || stack.len() != depth_before { next } else { next_boundary(src, i) };
    }
    if let Some(Frame::Literal(q)) = stack.first() {
        handler.error(q.start, unterminated(q));
    }
}

/// The hot loop: top-level code, until the source ends or an f-string opens.
#[inline]
fn top_level<H: Handler>(src: &str, mut i: usize, h: &mut H, stack: &mut Vec<Frame>) -> usize {
    let bytes = src.as_bytes();
    loop {
        if h.skims() {
            i = skim::skim(src, i, h);
        }
        let stop = h.next_stop(bytes, i);
        let Some(&b) = bytes.get(stop) else { return bytes.len() };
        i = match b {
            b'#' => skip_comment(bytes, stop),
            b'"' | b'\'' => {
                let next = open_string(src, stop, h, stack);
                if !stack.is_empty() {
                    return next;
                }
                next
            }
            _ => h.token(src, stop).max(stop + 1),
        };
    }
}

/// Opens the string whose quote is at `at`: plain strings are consumed whole, formatted ones
/// push a frame. Returns where lexing continues.
fn open_string<H: Handler>(src: &str, at: usize, h: &mut H, stack: &mut Vec<Frame>) -> usize {
    let prefix = prefix::detect(src.as_bytes(), src, at, |c| h.splits(c));
    open_with(src, at, prefix, h, stack)
}

/// Opens the string whose quote is at `at` with the prefix already read.
fn open_with<H: Handler>(
    src: &str,
    at: usize,
    prefix: prefix::Prefix,
    h: &mut H,
    stack: &mut Vec<Frame>,
) -> usize {
    let bytes = src.as_bytes();
    let (q, body) = Quote::open(bytes, at, prefix.start, prefix.raw);
    if prefix.formatted {
        stack.push(Frame::Literal(q));
        return body;
    }
    match strings::plain(bytes, &q, body) {
        End::Closed(end) => end,
        End::LineBreak(at) => {
            h.error(q.start, LexError::UnterminatedString);
            unwind_single_quoted(stack);
            at
        }
        End::Eof => {
            h.error(q.start, unterminated(&q));
            bytes.len()
        }
    }
}

/// After a single-quoted string ran into a line break, leaves every enclosing single-quoted
/// f-string too, so the following lines lex as the code they are.
fn unwind_single_quoted(stack: &mut Vec<Frame>) {
    while let Some(top) = stack.last() {
        let owner = match top {
            Frame::Literal(q) => Some(*q),
            Frame::Field { .. } | Frame::Spec => owner(stack),
        };
        if owner.is_none_or(|q| q.triple) {
            break;
        }
        stack.pop();
    }
}

/// The f-string that the top frame belongs to.
fn owner(stack: &[Frame]) -> Option<Quote> {
    stack.iter().rev().find_map(|f| match f {
        Frame::Literal(q) => Some(*q),
        _ => None,
    })
}

fn unterminated(q: &Quote) -> LexError {
    if q.triple { LexError::UnterminatedTripleQuotedString } else { LexError::UnterminatedString }
}

/// A comment runs to the end of its line; the line break stays code.
#[inline]
fn skip_comment(bytes: &[u8], at: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |p| at + p)
}

fn next_boundary(src: &str, i: usize) -> usize {
    (i + 1..=src.len()).find(|&j| src.is_char_boundary(j)).unwrap_or(src.len())
}
