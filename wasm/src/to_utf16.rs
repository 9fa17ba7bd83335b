//! UTF-8 → UTF-16 for string results in Node, which makes a JS string from UTF-16 units
//! several times faster than it decodes UTF-8. ASCII goes 16 bytes at a time with simd128;
//! other characters are decoded one by one, by the core's `decode_utf8`.
//!
//! Hand-written rather than `encoding_rs::mem::convert_str_to_utf16`: on wasm32 that crate
//! has no SIMD (its SIMD needs nightly) and measured 3.4× slower on the bench's Python
//! output and 2.4× slower on φ text, and the output here goes into uninitialised capacity
//! instead of a zeroed buffer. Only CJK-dense text is slower (~1.5×) than with it.

// The SIMD loads and stores take raw pointers, and the units are written into the Vec's
// spare capacity; each unsafe block says why it stays in bounds.
#![allow(unsafe_code)]

use std::mem::MaybeUninit;

use phicode_core::decode_utf8;

/// `text` as UTF-16 code units (astral characters as surrogate pairs), replacing `out`'s
/// contents; `out` keeps its allocation when it is big enough.
pub(crate) fn utf8_to_utf16(text: &str, out: &mut Vec<u16>) {
    let src = text.as_bytes();
    out.clear();
    // A character never has more UTF-16 units than UTF-8 bytes.
    out.reserve(src.len());
    let dst = out.spare_capacity_mut();
    let (mut i, mut j) = (0, 0);
    while i < src.len() {
        let ascii = ascii_run(src, i, dst, j);
        i += ascii;
        j += ascii;
        if ascii == 16 {
            continue;
        }
        // One character at least, then more while they are not ASCII (or the text ends
        // before a whole 16-byte block), so a run of symbols does not retry SIMD each time.
        while i < src.len() {
            let (unit, len) = decode_utf8(src, i);
            if let Some(low) = unit.checked_sub(0x1_0000) {
                put(dst, j, (0xD800 | low >> 10) as u16);
                put(dst, j + 1, (0xDC00 | (low & 0x3FF)) as u16);
                j += 2;
            } else {
                put(dst, j, unit as u16);
                j += 1;
            }
            i += len;
            match src.get(i) {
                Some(&next) if next >= 0x80 || i + 16 > src.len() => {}
                _ => break,
            }
        }
    }
    // SAFETY: every unit below `j` was written, through `put` or by `ascii_run`, which
    // reports only units it wrote.
    unsafe { out.set_len(j) };
}

#[inline(always)]
fn put(dst: &mut [MaybeUninit<u16>], j: usize, unit: u16) {
    if let Some(slot) = dst.get_mut(j) {
        slot.write(unit);
    }
}

/// Widens the ASCII bytes at the start of `src[i..i + 16]` into `dst[j..]` and says how
/// many there were (16: the whole block); 0 when fewer than 16 bytes are left.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn ascii_run(src: &[u8], i: usize, dst: &mut [MaybeUninit<u16>], j: usize) -> usize {
    use core::arch::wasm32::{
        i8x16_bitmask, u16x8_extend_high_u8x16, u16x8_extend_low_u8x16, v128_load, v128_store,
    };
    if i + 16 > src.len() || j + 16 > dst.len() {
        return 0;
    }
    // SAFETY: bytes i..i + 16 of `src` and units j..j + 16 of `dst` are in bounds (checked
    // just above); wasm loads and stores need no alignment. All 16 units are written, the
    // non-ASCII ones with garbage the caller overwrites: only the ASCII count is reported.
    let mask = unsafe {
        let block = v128_load(src.as_ptr().add(i).cast());
        let to = dst.as_mut_ptr().add(j);
        v128_store(to.cast(), u16x8_extend_low_u8x16(block));
        v128_store(to.add(8).cast(), u16x8_extend_high_u8x16(block));
        i8x16_bitmask(block)
    };
    if mask == 0 { 16 } else { mask.trailing_zeros() as usize }
}

/// Without simd128 (native builds, for tests and clippy) every character is decoded.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn ascii_run(_: &[u8], _: usize, _: &mut [MaybeUninit<u16>], _: usize) -> usize {
    0
}

#[cfg(test)]
mod tests {
    use super::utf8_to_utf16;

    #[test]
    fn matches_std_on_every_width() {
        let mut out = vec![7; 3];
        for text in ["", "x", "é", "∀ x ∈ xs: π('🐍 𝕟')", &"größe 東京 🎉 ascii run".repeat(50)]
        {
            utf8_to_utf16(text, &mut out);
            assert_eq!(out, text.encode_utf16().collect::<Vec<_>>());
        }
    }
}
