//! The f-string frame stack and opening strings: plain strings are consumed whole,
//! formatted ones push a frame that the f-string scanners then work through.

use alloc::vec::Vec;

use super::handler::Handler;
use super::prefix;
use super::strings::{self, End, Quote};
use crate::error::LexError;

/// Where the lexer is inside an f-string.
#[derive(Debug, Clone, Copy)]
pub(super) enum Frame {
    /// The literal text of an f-string.
    Literal(Quote),
    /// The code of a replacement field, with its bracket depth.
    Field { depth: u32 },
    /// A field's format spec: text in which `{` opens a nested field.
    Spec,
}

/// Opens the string whose quote is at `at`: plain strings are consumed whole, formatted ones
/// push a frame. Returns where lexing continues.
pub(super) fn open_string<H: Handler>(
    src: &str,
    at: usize,
    h: &mut H,
    stack: &mut Vec<Frame>,
) -> usize {
    let prefix = prefix::detect(src.as_bytes(), src, at, |c| h.splits(c));
    open_with(src, at, prefix, h, stack)
}

/// Opens the string whose quote is at `at` with the prefix already read.
pub(super) fn open_with<H: Handler>(
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
pub(super) fn unwind_single_quoted(stack: &mut Vec<Frame>) {
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
pub(super) fn owner(stack: &[Frame]) -> Option<Quote> {
    stack.iter().rev().find_map(|f| match f {
        Frame::Literal(q) => Some(*q),
        _ => None,
    })
}

pub(super) fn unterminated(q: &Quote) -> LexError {
    if q.triple { LexError::UnterminatedTripleQuotedString } else { LexError::UnterminatedString }
}
