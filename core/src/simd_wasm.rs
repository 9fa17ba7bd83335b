//! simd128 byte classification on wasm32 builds that enable it (the npm package does):
//! the twin of `simd::code_stops`, 16 bytes per step.

use core::arch::wasm32::{i64x2, u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_or};

/// One bit per byte of `block`: quotes, `#` and non-ASCII bytes.
#[inline(always)]
pub(crate) fn code_stops(block: &[u8; 64]) -> u64 {
    let word = |at: usize| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&block[at..at + 8]);
        i64::from_le_bytes(bytes)
    };
    let mut stops = 0u64;
    for k in 0..4 {
        let v: v128 = i64x2(word(16 * k), word(16 * k + 8));
        let quotes = v128_or(u8x16_eq(v, u8x16_splat(b'"')), u8x16_eq(v, u8x16_splat(b'\'')));
        let marks = v128_or(quotes, u8x16_eq(v, u8x16_splat(b'#')));
        // The high bit of every flagged lane, and of every non-ASCII byte.
        stops |= u64::from(u8x16_bitmask(v128_or(marks, v))) << (16 * k);
    }
    stops
}
