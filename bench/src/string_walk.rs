//! A floor for the lexing any converter does besides symbols: every string and comment of
//! the φ input found (quotes and `#`, a 64-byte block at a time) and stepped over to its
//! end (escapes and triple quotes kept, prefixes and f-string fields ignored), nothing else.

use crate::baseline::flags;

/// How many strings and comments `src` has (the last 64 to 127 bytes unread).
pub fn string_walk(src: &[u8]) -> usize {
    let (mut count, mut base, mut resume) = (0, 0, 0usize);
    while let Some(block) = src.get(base..base + 128) {
        let mut stops = flags(&block[..64], |b| b == b'"' || b == b'\'' || b == b'#');
        stops &= u64::MAX.checked_shl(resume.saturating_sub(base) as u32).unwrap_or(0);
        while stops != 0 {
            let at = base + stops.trailing_zeros() as usize;
            count += 1;
            resume = match src[at] {
                b'#' => memchr::memchr(b'\n', &src[at..]).map_or(src.len(), |p| at + p),
                quote => string_end(src, at, quote),
            };
            if resume >= base + 64 {
                break;
            }
            stops &= u64::MAX << (resume - base);
        }
        base = resume.max(base + 64);
    }
    count
}

/// Where the string whose quote `quote` is at `at` ends.
fn string_end(src: &[u8], at: usize, quote: u8) -> usize {
    let triple = src.get(at + 1..at + 3) == Some(&[quote, quote][..]);
    let mut i = if triple { at + 3 } else { at + 1 };
    while let Some(p) = memchr::memchr3(quote, b'\\', b'\n', src.get(i..).unwrap_or_default()) {
        i += p;
        match src[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            b'\n' => i += 1,
            _ if !triple => return i + 1,
            _ if src.get(i + 1..i + 3) == Some(&[quote, quote][..]) => return i + 3,
            _ => i += 1,
        }
    }
    src.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_strings_and_comments_and_steps_over_them() {
        let text = r#"x = "a # \" 'b'" + '''c " # ''' # d "e"
y = 'f\''  # g
"#;
        let padded = format!("{}{text}{}", " ".repeat(50), " ".repeat(128));
        // "…", '''…''', # d…, '…', # g: the quotes and `#`s inside them are stepped over.
        assert_eq!(string_walk(padded.as_bytes()), 5);
        let many = format!("{}{}", text.repeat(40), " ".repeat(128));
        assert_eq!(string_walk(many.as_bytes()), 5 * 40);
    }
}
