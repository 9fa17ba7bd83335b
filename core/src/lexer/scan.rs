//! Byte searches: word-at-a-time ones (SWAR, portable to wasm32, no `unsafe`, 8 bytes a
//! step), and the end of a comment.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

#[inline(always)]
fn load(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

/// High bit set in every lane of `x` equal to `b`. The lowest flagged lane is always exact.
#[inline(always)]
fn lanes_eq(x: u64, b: u8) -> u64 {
    let v = x ^ (LO * b as u64);
    v.wrapping_sub(LO) & !v & HI
}

/// First index at or after `from` whose lane `lanes` flags (high bit of the lane, for each
/// 8-byte word) or, in the last few bytes, whose byte `byte` accepts; `bytes.len()` if none.
#[inline(always)]
fn find_by(
    bytes: &[u8],
    from: usize,
    lanes: impl Fn(u64) -> u64,
    byte: impl Fn(u8) -> bool,
) -> usize {
    let Some(rest) = bytes.get(from..) else {
        return bytes.len();
    };
    let mut chunks = rest.chunks_exact(16);
    let mut at = from;
    for pair in chunks.by_ref() {
        let (a, b) = pair.split_at(8);
        let (mx, my) = (lanes(load(a)), lanes(load(b)));
        if mx != 0 {
            return at + (mx.trailing_zeros() / 8) as usize;
        }
        if my != 0 {
            return at + 8 + (my.trailing_zeros() / 8) as usize;
        }
        at += 16;
    }
    chunks.remainder().iter().position(|&b| byte(b)).map_or(bytes.len(), |p| at + p)
}

/// First index at or after `from` holding any of `needles`, or a non-ASCII byte when
/// `non_ascii` is set; `bytes.len()` when there is none.
#[inline(always)]
pub(crate) fn find<const N: usize>(
    bytes: &[u8],
    from: usize,
    needles: [u8; N],
    non_ascii: bool,
) -> usize {
    let lanes = |x: u64| {
        let high = if non_ascii { x & HI } else { 0 };
        needles.iter().fold(high, |m, &needle| m | lanes_eq(x, needle))
    };
    find_by(bytes, from, lanes, |b| (non_ascii && b >= 0x80) || needles.contains(&b))
}

/// First index at or after `from` that may start something in top-level φ code: a quote,
/// `#`, or a non-ASCII byte. It may also stop at `&` (`0x26`, which shares the mask with the
/// quotes): callers treat a stop as a hint and look at the byte.
#[inline(always)]
pub(crate) fn find_code(bytes: &[u8], from: usize) -> usize {
    const QUOTES: u64 = LO * 0x22;
    const MASK: u64 = LO * 0xFA;
    let lanes = |x: u64| {
        // `"` 0x22, `#` 0x23, `&` 0x26 and `'` 0x27 are the bytes with (b ^ 0x22) & 0xFA == 0.
        let u = (x ^ QUOTES) & MASK;
        (x & HI) | (u.wrapping_sub(LO) & !u & HI)
    };
    find_by(bytes, from, lanes, |b| b >= 0x80 || matches!(b, b'"' | b'#' | b'&' | b'\''))
}

/// High bit set in exactly the lanes of `x` equal to `b` (no false positives).
#[inline(always)]
fn lanes_eq_exact(x: u64, b: u8) -> u64 {
    let v = x ^ (LO * b as u64);
    !(((v & !HI).wrapping_add(!HI)) | v) & HI
}

/// One bit per byte of `block`: quotes, `#` and non-ASCII bytes. The portable twin of
/// `simd::code_stops`.
#[cfg_attr(
    any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "wasm32", target_feature = "simd128")
    ),
    allow(dead_code)
)]
#[inline(always)]
pub(crate) fn code_stops(block: &[u8; 64]) -> u64 {
    let mut stops = 0;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let x = load(chunk);
        let marks = lanes_eq_exact(x, b'"') | lanes_eq_exact(x, b'\'') | lanes_eq_exact(x, b'#');
        // Gathers each lane's high bit into one byte, lane k to bit k.
        let bits = (((marks | x) & HI) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        stops |= bits << (8 * k);
    }
    stops
}

/// First index at or after `from` whose byte is in `class`; `bytes.len()` when none.
#[inline(always)]
pub(crate) fn find_class(bytes: &[u8], from: usize, class: &[bool; 256]) -> usize {
    match bytes.get(from..) {
        Some(rest) => {
            rest.iter().position(|&b| class[b as usize]).map_or(bytes.len(), |p| from + p)
        }
        None => bytes.len(),
    }
}

/// A comment runs to the end of its line; the line break stays code.
#[inline]
pub(super) fn skip_comment(bytes: &[u8], at: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_needle_or_high_byte() {
        let text = "abcdefghijklmnopqrstuvwxyz \"quoted\" ¿".as_bytes();
        assert_eq!(find(text, 0, [b'"'], false), 27);
        assert_eq!(find(text, 28, [b'"'], false), 34);
        assert_eq!(find(text, 0, [b'#'], true), 36);
        assert_eq!(find(text, 0, [b'#'], false), text.len());
        assert_eq!(find(text, 500, [b'#'], false), text.len());
    }

    #[test]
    fn code_scan_agrees_with_a_plain_loop() {
        let text = "ab&c\"d#e'f\u{e9}g(h)i=j\"\"'''##  ab\u{2200}cd#\"0123456789abcdef!".as_bytes();
        for from in 0..=text.len() {
            let expected = (from..text.len())
                .find(|&i| text[i] >= 0x80 || matches!(text[i], b'"' | b'\'' | b'#' | b'&'))
                .unwrap_or(text.len());
            assert_eq!(find_code(text, from), expected);
        }
    }

    #[test]
    fn code_stops_agree_with_a_plain_loop() {
        let text = "x = \"#'&\u{e9}\t\u{2200}ab\"\"''\\#!".as_bytes();
        for shift in 0..text.len() {
            let block: [u8; 64] = core::array::from_fn(|i| text[(i + shift) % text.len()]);
            let stops = code_stops(&block);
            for (i, &b) in block.iter().enumerate() {
                assert_eq!(stops >> i & 1 == 1, b >= 0x80 || b"\"'#".contains(&b), "{shift} {i}");
            }
        }
    }

    #[test]
    fn agrees_with_a_plain_loop_everywhere() {
        let text = "x\"y#z\u{e9}\"\"'''##  ab\u{2200}cd#\"".as_bytes();
        for from in 0..=text.len() {
            let expected = (from..text.len())
                .find(|&i| text[i] >= 0x80 || matches!(text[i], b'"' | b'\'' | b'#'))
                .unwrap_or(text.len());
            assert_eq!(find(text, from, [b'"', b'\'', b'#'], true), expected);
        }
    }
}
