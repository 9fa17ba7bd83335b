//! f-strings and t-strings: literal text, replacement fields and format specs (PEP 701).

use alloc::vec::Vec;

use super::frames::{Frame, open_string, open_with, owner, unwind_single_quoted};
use super::handler::Handler;
use super::prefix::Prefix;
use super::scan::{find, skip_comment};
use super::strings::{Quote, skip_escape};
use crate::error::LexError;
use crate::text::{char_at, is_ident_char};

/// Scans literal text up to the next field, escape, line break or quote.
pub(super) fn literal<H: Handler>(
    bytes: &[u8],
    i: usize,
    q: Quote,
    h: &mut H,
    stack: &mut Vec<Frame>,
) -> usize {
    let stop = find(bytes, i, [q.quote, b'\\', b'{', b'}', b'\n', b'\r'], false);
    let next = bytes.get(stop + 1).copied();
    match bytes.get(stop) {
        None => bytes.len(),
        Some(b'\\') if !q.raw && next == Some(b'N') && bytes.get(stop + 2) == Some(&b'{') => {
            // `\N{NAME}`: the braces belong to the escape.
            let end = find(bytes, stop + 3, [b'}', b'\n', b'\r', q.quote], false);
            if bytes.get(end) == Some(&b'}') { end + 1 } else { end }
        }
        Some(b'\\') => skip_escape(bytes, stop, true),
        Some(b'{') if next == Some(b'{') => stop + 2,
        Some(b'{') => {
            stack.push(Frame::Field { depth: 0 });
            stop + 1
        }
        Some(b'}') if next == Some(b'}') => stop + 2,
        Some(b'}') => stop + 1,
        Some(b'\n' | b'\r') if q.triple => stop + 1,
        Some(b'\n' | b'\r') => {
            h.error(q.start, LexError::UnterminatedString);
            unwind_single_quoted(stack);
            stop
        }
        Some(_) => match q.closes_at(bytes, stop) {
            Some(end) => {
                stack.pop();
                end
            }
            None => stop + 1,
        },
    }
}

/// Scans replacement-field code: brackets, nested strings, comments, the `:` that starts a
/// format spec and the `}` that ends the field; hands wanted tokens to the handler.
pub(super) fn field<H: Handler>(
    src: &str,
    i: usize,
    mut depth: u32,
    h: &mut H,
    stack: &mut Vec<Frame>,
) -> usize {
    let bytes = src.as_bytes();
    let mut j = i;
    let next = loop {
        let Some(&b) = bytes.get(j) else {
            break bytes.len();
        };
        match b {
            b'"' | b'\'' => {
                set_depth(stack, depth);
                return open_string(src, j, h, stack);
            }
            b'#' => break skip_comment(bytes, j),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'}' if depth == 0 => {
                stack.pop();
                return j + 1;
            }
            b'}' => depth -= 1,
            b':' if depth == 0 => {
                stack.push(Frame::Spec);
                return j + 1;
            }
            b'!' if depth == 0 && bytes.get(j + 1) != Some(&b'=') => {
                // A conversion (`!r`): the name after `!` is no code name. Skip it whole,
                // char by char, so both directions agree on where it ends.
                let mut end = j + 1;
                while let Some((c, len)) = char_at(src, end)
                    && is_ident_char(c)
                {
                    end += len;
                }
                if matches!(bytes.get(end), Some(b'"' | b'\'')) {
                    // The letters before this quote are the conversion's, never a prefix,
                    // whatever a symbol before them would make of them (`!Øt"`).
                    set_depth(stack, depth);
                    let plain = Prefix { start: end, raw: false, formatted: false };
                    return open_with(src, end, plain, h, stack);
                }
                j = end - 1;
            }
            _ if h.wants(b) => break h.token(src, j),
            _ => {}
        }
        j += 1;
    };
    set_depth(stack, depth);
    next
}

/// Scans a format spec: text up to a nested field's `{`, the field's closing `}`, or a
/// quote that ends the whole f-string early.
pub(super) fn spec<H: Handler>(bytes: &[u8], i: usize, h: &mut H, stack: &mut Vec<Frame>) -> usize {
    let Some(q) = owner(stack) else {
        stack.pop();
        return i;
    };
    let stop = find(bytes, i, [b'{', b'}', b'\\', q.quote], false);
    match bytes.get(stop) {
        None => bytes.len(),
        Some(b'{') => {
            stack.push(Frame::Field { depth: 0 });
            stop + 1
        }
        Some(b'}') => {
            stack.pop();
            stack.pop();
            stop + 1
        }
        Some(b'\\') => skip_escape(bytes, stop, true),
        Some(_) => match q.closes_at(bytes, stop) {
            Some(end) => {
                h.error(stop, LexError::UnclosedField);
                while let Some(Frame::Field { .. } | Frame::Spec) = stack.pop() {}
                end
            }
            None => stop + 1,
        },
    }
}

fn set_depth(stack: &mut [Frame], depth: u32) {
    if let Some(Frame::Field { depth: d }) = stack.last_mut() {
        *d = depth;
    }
}
