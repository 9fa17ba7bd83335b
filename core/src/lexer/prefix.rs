//! String prefixes: which letters before a quote make it raw, bytes, formatted or a template.

/// What a string's prefix says about how to lex its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// Byte index where the string token starts (its first prefix letter, or the quote).
    pub(crate) start: usize,
    /// `r`: backslashes do not start escapes (but still keep a quote from closing).
    pub(crate) raw: bool,
    /// `f` or `t`: the body has replacement fields.
    pub(crate) formatted: bool,
}

/// Reads the prefix of the string whose opening quote is at `quote`. `splits(c)` says
/// whether the non-ASCII char `c` is a token of its own (a φ glue symbol) rather than part
/// of a name; a prefix glued to a longer name is no prefix (`xf"…"` is the name `xf`).
pub(crate) fn detect(
    bytes: &[u8],
    src: &str,
    quote: usize,
    splits: impl Fn(char) -> bool,
) -> Prefix {
    let plain = Prefix { start: quote, raw: false, formatted: false };
    let mut start = quote;
    while start > 0 && quote - start < 3 && crate::text::ASCII_IDENT[bytes[start - 1] as usize] {
        start -= 1;
    }
    if start == quote || quote - start > 2 {
        return plain;
    }
    if start > 0
        && bytes[start - 1] >= 0x80
        && let Some(c) = crate::text::char_before(src, start)
        && crate::text::is_ident_char(c)
        && !splits(c)
    {
        return plain;
    }
    let (mut raw, mut formatted, mut bytes_or_unicode) = (false, false, 0);
    for &letter in &bytes[start..quote] {
        match letter.to_ascii_lowercase() {
            b'r' if !raw => raw = true,
            b'f' | b't' if !formatted => formatted = true,
            b'b' | b'u' if bytes_or_unicode == 0 => bytes_or_unicode = letter.to_ascii_lowercase(),
            _ => return plain,
        }
    }
    let valid = match bytes_or_unicode {
        b'u' => !raw && !formatted && quote - start == 1,
        b'b' => !formatted,
        _ => true,
    };
    if valid { Prefix { start, raw, formatted } } else { plain }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> (usize, bool, bool) {
        let quote = text.find(['"', '\'']).unwrap_or(0);
        let p = detect(text.as_bytes(), text, quote, |c| c == 'π');
        (p.start, p.raw, p.formatted)
    }

    #[test]
    fn recognises_every_prefix_in_any_case() {
        assert_eq!(check("f'x'"), (0, false, true));
        assert_eq!(check("= Rb'x'"), (2, true, false));
        assert_eq!(check("(fR\"x\""), (1, true, true));
        assert_eq!(check("tr'x'"), (0, true, true));
        assert_eq!(check("U'x'"), (0, false, false));
        assert_eq!(check("b'x'"), (0, false, false));
    }

    #[test]
    fn rejects_names_and_bad_combinations() {
        assert_eq!(check("xf'x'"), (2, false, false));
        assert_eq!(check("ur'x'"), (2, false, false));
        assert_eq!(check("bf'x'"), (2, false, false));
        assert_eq!(check("ff'x'"), (2, false, false));
        assert_eq!(check("éf'x'"), (3, false, false));
        assert_eq!(check("πf'x'"), (2, false, true));
    }
}
