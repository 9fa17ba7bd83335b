//! Character classes and UTF-8 stepping shared by the lexer and both transpilers.

use alloc::string::{FromUtf8Error, String};
use alloc::vec::Vec;

/// `true` for the ASCII bytes that may continue a Python identifier: letters, digits, `_`.
pub(crate) const ASCII_IDENT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

/// Whether `c` may continue a Python identifier (ASCII or Unicode XID_Continue).
#[inline]
pub(crate) fn is_ident_char(c: char) -> bool {
    if c.is_ascii() { ASCII_IDENT[c as usize] } else { unicode_ident::is_xid_continue(c) }
}

/// Whether `c` may start a Python identifier.
#[inline]
pub(crate) fn is_ident_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// Whether `s` is a Python identifier (XID_Start or `_`, then XID_Continue).
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_ident_start) && chars.all(is_ident_char)
}

/// `bytes` as a string, checked with SIMD (std's slower check runs only on invalid input,
/// for its error, which says how far the bytes are valid).
#[allow(unsafe_code)] // Skips the second check `String::from_utf8` would make.
pub fn string_from_utf8(bytes: Vec<u8>) -> Result<String, FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: simdutf8 has just checked that these very bytes are UTF-8.
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        Err(_) => String::from_utf8(bytes),
    }
}

/// `bytes` as a string; invalid sequences (never produced by the transpilers) become U+FFFD.
pub(crate) fn into_string(bytes: Vec<u8>) -> String {
    string_from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The char that starts at byte `i` (a char boundary) and its byte length.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char that ends right before byte `i` (a char boundary).
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// Python's hard keywords: never an attribute name, so `from . import x` keeps its meaning.
pub(crate) fn is_hard_keyword(word: &str) -> bool {
    matches!(
        word,
        "False"
            | "None"
            | "True"
            | "and"
            | "as"
            | "assert"
            | "async"
            | "await"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "lambda"
            | "nonlocal"
            | "not"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
    )
}

/// The code point that starts at byte `i` of valid UTF-8 (a char boundary) and its length
/// in bytes, without the checks `str::chars` makes, for per-character hot loops (the
/// transpilers', the wasm shell's UTF-8 → UTF-16 conversion).
///
/// On other input (`i` inside a character or past the end, bytes that are not UTF-8) the
/// result is meaningless, but it never panics.
///
/// ```
/// use phicode_core::decode_utf8;
/// let text = "x∀🐍".as_bytes();
/// assert_eq!(decode_utf8(text, 0), ('x' as u32, 1));
/// assert_eq!(decode_utf8(text, 1), ('∀' as u32, 3));
/// assert_eq!(decode_utf8(text, 4), ('🐍' as u32, 4));
/// ```
#[inline(always)]
pub fn decode_utf8(bytes: &[u8], i: usize) -> (u32, usize) {
    let at = |k: usize| bytes.get(i + k).map_or(0, |&b| (b & 0x3F) as u32);
    let b0 = bytes.get(i).map_or(0, |&b| b as u32);
    match b0 {
        0..=0x7F => (b0, 1),
        0xC0..=0xDF => ((b0 & 0x1F) << 6 | at(1), 2),
        0xE0..=0xEF => ((b0 & 0x0F) << 12 | at(1) << 6 | at(2), 3),
        _ => ((b0 & 0x07) << 18 | at(1) << 12 | at(2) << 6 | at(3), 4),
    }
}
