//! A Python-aware lexer: for every byte it knows whether it is code, a string, a comment, or
//! code inside an f-string (or t-string) replacement field.
//!
//! The lexer walks strings, comments and f-string nesting itself, with an explicit stack (no
//! recursion, so hostile nesting cannot overflow), and hands each code token its `Handler`
//! asks for (symbols, names, `:=`) to the handler, which does the converting.

mod frames;
mod fstring;
mod handler;
mod prefix;
pub(crate) mod scan;
mod skim;
mod strings;

use alloc::vec::Vec;

use frames::{Frame, open_string, unterminated};
pub(crate) use handler::Handler;
use scan::skip_comment;

/// Where the string whose quote is at `quote` starts (its prefix included).
pub(crate) fn prefix_start(src: &str, quote: usize, splits: impl Fn(char) -> bool) -> usize {
    prefix::detect(src.as_bytes(), src, quote, splits).start
}

/// Whether `word` is a whole string prefix (`f`, `rb`, `T`): before a quote it would start a
/// string instead of standing as a name.
pub(crate) fn is_string_prefix(word: &str) -> bool {
    !word.is_empty() && prefix_start(word, word.len(), |_| false) == 0
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

fn next_boundary(src: &str, i: usize) -> usize {
    (i + 1..=src.len()).find(|&j| src.is_char_boundary(j)).unwrap_or(src.len())
}
