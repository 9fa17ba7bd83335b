//! SSE2 byte classification on x86_64, where SSE2 is part of every build's baseline: 16
//! bytes at a time for the Python → φ name scan, 64 for the φ → Python code scan. Other
//! targets use the portable word-at-a-time code in `lexer::scan`.
#![allow(unsafe_code)] // Calls into `#[target_feature]` functions; see SAFETY below.

use core::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
    _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
};

/// One bit per byte of a 16-byte chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Masks {
    /// ASCII letters, digits and `_`.
    pub(crate) ident: u32,
    /// ASCII digits.
    pub(crate) digit: u32,
    /// Quotes, `#`, `:` and non-ASCII bytes: where the handler must look.
    pub(crate) stop: u32,
}

/// Classifies the 16 bytes of `chunk`.
#[inline(always)]
pub(crate) fn classify(chunk: &[u8; 16]) -> Masks {
    // SAFETY: this module is only compiled for x86_64 builds with `target_feature = "sse2"`
    // (the x86_64 baseline), so every CPU that runs this code has SSE2.
    unsafe { classify_sse2(chunk) }
}

#[target_feature(enable = "sse2")]
fn classify_sse2(chunk: &[u8; 16]) -> Masks {
    let half = |at: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&chunk[at..at + 8]);
        i64::from_le_bytes(word)
    };
    let v = _mm_set_epi64x(half(8), half(0));
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    let between = |x: __m128i, lo: u8, hi: u8| {
        _mm_and_si128(_mm_cmpgt_epi8(x, splat(lo - 1)), _mm_cmplt_epi8(x, splat(hi + 1)))
    };
    let letters = between(_mm_or_si128(v, splat(0x20)), b'a', b'z');
    let digits = between(v, b'0', b'9');
    let ident = _mm_or_si128(_mm_or_si128(letters, digits), _mm_cmpeq_epi8(v, splat(b'_')));
    let quotes = _mm_or_si128(_mm_cmpeq_epi8(v, splat(b'"')), _mm_cmpeq_epi8(v, splat(b'\'')));
    let marks = _mm_or_si128(_mm_cmpeq_epi8(v, splat(b'#')), _mm_cmpeq_epi8(v, splat(b':')));
    let stop = _mm_movemask_epi8(_mm_or_si128(quotes, marks)) | _mm_movemask_epi8(v);
    Masks {
        ident: _mm_movemask_epi8(ident) as u32,
        digit: _mm_movemask_epi8(digits) as u32,
        stop: stop as u32,
    }
}

/// One bit per byte of `block`: quotes, `#` and non-ASCII bytes, where top-level φ code
/// needs a look.
#[inline(always)]
pub(crate) fn code_stops(block: &[u8; 64]) -> u64 {
    // SAFETY: as for `classify`, SSE2 is always present where this module is compiled.
    unsafe { code_stops_sse2(block) }
}

#[target_feature(enable = "sse2")]
fn code_stops_sse2(block: &[u8; 64]) -> u64 {
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    let mut stops = 0u64;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` is 16 readable bytes, and `loadu` takes any alignment.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        let quotes = _mm_or_si128(_mm_cmpeq_epi8(v, splat(b'"')), _mm_cmpeq_epi8(v, splat(b'\'')));
        let marks = _mm_or_si128(quotes, _mm_cmpeq_epi8(v, splat(b'#')));
        // The high bit of every flagged lane, and of every non-ASCII byte.
        let bits = _mm_movemask_epi8(_mm_or_si128(marks, v)) as u32 as u64;
        stops |= bits << (16 * k);
    }
    stops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_stops_flag_quotes_hashes_and_high_bytes() {
        let mut block = [b'a'; 64];
        block[..16].copy_from_slice(b"x = \"#' & \xc3\xa9 \t#!");
        block[63] = 0x80;
        let stops = code_stops(&block);
        for (i, &b) in block.iter().enumerate() {
            assert_eq!(stops >> i & 1 == 1, b >= 0x80 || b"\"'#".contains(&b), "{i}");
        }
    }

    #[test]
    fn classifies_like_a_byte_table() {
        let text: &[u8; 16] = b"a_Z9 (\"'#:\xc3\xa9`{@[";
        let m = classify(text);
        for (i, &b) in text.iter().enumerate() {
            let bit = |mask: u32| mask >> i & 1 == 1;
            assert_eq!(bit(m.ident), b.is_ascii_alphanumeric() || b == b'_', "{i}");
            assert_eq!(bit(m.digit), b.is_ascii_digit(), "{i}");
            assert_eq!(bit(m.stop), b >= 0x80 || b"\"'#:".contains(&b), "{i}");
        }
    }
}
