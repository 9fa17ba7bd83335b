//! Small pieces of Python's token grammar the transpilers need around names: where a
//! number literal ends, and whether a name is an attribute (`obj.name`).

use crate::text::{ASCII_IDENT, char_before, is_ident_char};

/// End of the number literal that starts at `at` (a digit), per Python's tokenizer: `1if`
/// is the number `1` then the name `if`, `0x1for` is `0x1f` then `or`.
pub(crate) fn number_end(bytes: &[u8], at: usize) -> usize {
    let digits = |from: usize, ok: fn(u8) -> bool| {
        let mut i = from;
        while bytes.get(i).is_some_and(|&b| ok(b) || b == b'_') {
            i += 1;
        }
        i
    };
    let radix = bytes.get(at + 1).map(u8::to_ascii_lowercase);
    if bytes[at] == b'0' && matches!(radix, Some(b'x' | b'o' | b'b')) {
        let ok: fn(u8) -> bool = match radix {
            Some(b'x') => |b| b.is_ascii_hexdigit(),
            Some(b'o') => |b| (b'0'..=b'7').contains(&b),
            _ => |b| b == b'0' || b == b'1',
        };
        return digits(at + 2, ok);
    }
    let mut i = digits(at, |b| b.is_ascii_digit());
    if bytes.get(i) == Some(&b'.') {
        i = digits(i + 1, |b| b.is_ascii_digit());
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
        if bytes.get(i + 1 + sign).is_some_and(u8::is_ascii_digit) {
            i = digits(i + 1 + sign, |b| b.is_ascii_digit());
        }
    }
    if matches!(bytes.get(i), Some(b'j' | b'J')) {
        i += 1;
    }
    i
}

/// Whether the name starting at `at` is an attribute: it follows a `.` that itself follows
/// an expression (`obj.name`, `f(x) .name`, `obj.\` then `name` on the next line). The
/// dots of `from . import`, of `...` and of a number (`1.`) are not attribute dots;
/// `is_from` says whether a word means `from`.
/// `symbol_text` gives the Python text of a φ glue symbol, so `✓.x` reads like `True.x`.
pub(crate) fn is_attribute<'t>(
    src: &str,
    at: usize,
    is_from: impl Fn(&str) -> bool,
    symbol_text: impl Fn(char) -> Option<&'t str>,
) -> bool {
    let bytes = src.as_bytes();
    let i = skip_space_back(bytes, at);
    if i == 0 || bytes[i - 1] != b'.' || dot_left_behind(bytes, i, at) {
        return false;
    }
    let dot = i - 1;
    if dot > 0 && bytes[dot - 1] == b'.' {
        return false;
    }
    let end = skip_space_back(bytes, dot);
    let mut run = end;
    while run > 0 && ASCII_IDENT[bytes[run - 1] as usize] {
        run -= 1;
    }
    if run == end {
        return match char_before(src, end) {
            Some(c) if c.is_ascii() => matches!(c, ')' | ']' | '}' | '"' | '\''),
            Some(c) => match symbol_text(c) {
                Some(text) => text.ends_with(|c: char| is_ident_char(c)) && !is_from(text),
                None => is_ident_char(c),
            },
            None => false,
        };
    }
    // The token before the dot is a number only if Python's number literal starting at the
    // run swallows the dot (`1.`); `0i.x` is the number `0`, then the name `i` and `.x`.
    let glued_to_name = char_before(src, run)
        .is_some_and(|c| !c.is_ascii() && is_ident_char(c) && symbol_text(c).is_none());
    let number = !glued_to_name && bytes[run].is_ascii_digit() && number_end(bytes, run) > dot;
    !number && !is_from(&src[run..end])
}

/// Whether a line break between the `.` before `dot_end` and the name at `name` leaves the
/// dot behind: only a backslash continuation carries an attribute over to the next line
/// (`obj.\` then `attr`), and not from a line with a `#` (the dot may end a comment). A
/// bare break may also follow a dot inside an unterminated string; inside brackets it
/// could be `(obj.` then `attr`, but that is rare, and reading the name as code there is
/// still a faithful round trip (both directions decide alike).
fn dot_left_behind(bytes: &[u8], dot_end: usize, name: usize) -> bool {
    let gap = &bytes[dot_end..name];
    let mut crosses = false;
    for (p, &b) in gap.iter().enumerate() {
        let crlf_tail = b == b'\n' && p > 0 && gap[p - 1] == b'\r';
        if matches!(b, b'\n' | b'\r') && !crlf_tail {
            if p == 0 || gap[p - 1] != b'\\' {
                return true;
            }
            crosses = true;
        }
    }
    if !crosses {
        return false;
    }
    let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[..dot_end]).map_or(0, |p| p + 1);
    memchr::memchr(b'#', &bytes[line_start..dot_end]).is_some()
}

fn skip_space_back(bytes: &[u8], mut i: usize) -> usize {
    while i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\') {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_end_where_python_says() {
        let end = |s: &str| number_end(s.as_bytes(), 0);
        assert_eq!(end("1if"), 1);
        assert_eq!(end("0x1for"), 4);
        assert_eq!(end("1_000.5e-3j+"), 11);
        assert_eq!(end("1else"), 1);
        assert_eq!(end("0b1or"), 3);
        assert_eq!(end("1e5"), 3);
    }

    #[test]
    fn attributes_follow_a_real_dot() {
        let symbol = |c: char| match c {
            '✓' => Some("True"),
            '←' => Some("from"),
            _ => None,
        };
        let attr = |s: &str| is_attribute(s, s.len(), |w| w == "from" || w == "de", symbol);
        assert!(attr("obj."));
        assert!(attr("obj . "));
        assert!(attr("obj.\\\n    "));
        assert!(attr("obj. \\\r\n"));
        assert!(!attr("(obj.\n    "), "a bare line break leaves the dot behind");
        assert!(!attr("x = 'abc.\r"));
        assert!(!attr("# the end.\\\n"));
        assert!(attr("x1."));
        assert!(attr("f(x)."));
        assert!(attr("'s'."));
        assert!(attr("café."));
        assert!(attr("1 ."));
        assert!(attr("0i."));
        assert!(attr("≔0i."));
        assert!(attr("1e5."));
        assert!(attr("é1."));
        assert!(!attr("≔1."));
        assert!(!attr("from . "));
        assert!(!attr("de ."));
        assert!(!attr("← ."));
        assert!(attr("✓."));
        assert!(!attr("from .. "));
        assert!(!attr("... "));
        assert!(!attr("1. "));
        assert!(!attr("x = "));
        assert!(!attr(". "));
        assert!(!attr("x = 1  # the end.\n"));
        assert!(attr("(x  # the end\n    ."));
        assert!(!attr("(x  # the end\n    .\n    "));
        assert!(!attr(""));
    }
}
