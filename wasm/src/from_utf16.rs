//! UTF-16 → UTF-8 for string sources in Node: `Buffer#write(source, 'utf16le')` puts a JS
//! string's units in wasm memory at memcpy speed, and this makes the UTF-8 the core reads,
//! faster than `TextEncoder#encodeInto` (what wasm-bindgen uses) on φ and Python text, and
//! without wasm-bindgen's character-by-character JS loop over a leading ASCII run. A lone
//! surrogate becomes U+FFFD, as `TextEncoder` makes it.
//!
//! With simd128, 16 units go at a time: an ASCII block is narrowed whole; in a mixed block
//! the ASCII before the first other unit is kept and that unit encoded with no data-dependent
//! branch (φ text has a symbol every ~20 characters, where branching per character
//! mispredicts), and dense runs (CJK, say) and surrogates go one by one. The last units, and
//! everything without simd128, go through [`one`].

// Raw loads and stores in wasm memory; each unsafe block says why it stays in bounds.
#![allow(unsafe_code)]

/// The bytes `utf16_to_string` needs for `units` UTF-16 units: no character takes more
/// than 3 UTF-8 bytes per unit, and `bulk` may store a 4-byte word for the last one.
pub(crate) fn utf8_room(units: usize) -> usize {
    units.saturating_mul(3).saturating_add(1)
}

/// `units` as UTF-8, written into `out` (whose allocation is kept when it has
/// `utf8_room(units.len())`, so a caller can reserve it fallibly first).
pub(crate) fn utf16_to_string(units: &[u16], mut out: Vec<u8>) -> String {
    out.clear();
    out.reserve(utf8_room(units.len()));
    let (mut i, written) = simd::bulk(units, out.spare_capacity_mut());
    // SAFETY: `bulk` wrote exactly its first `written` bytes.
    unsafe { out.set_len(written) };
    while i < units.len() {
        let (word, len, taken) = one(units, i);
        out.extend_from_slice(word.to_le_bytes().get(..len).unwrap_or_default());
        i += taken;
    }
    // SAFETY: only whole UTF-8 encodings of characters were written, by `one` or `bmp`.
    unsafe { String::from_utf8_unchecked(out) }
}

/// The UTF-8 of a BMP unit that is not a surrogate, as little-endian bytes, and its length.
#[inline(always)]
fn bmp(u: u32) -> (u32, usize) {
    let two = (0xC0 | u >> 6) | (0x80 | (u & 0x3F)) << 8;
    let three = (0xE0 | u >> 12) | (0x80 | (u >> 6 & 0x3F)) << 8 | (0x80 | (u & 0x3F)) << 16;
    let word = if u < 0x80 {
        u
    } else if u < 0x800 {
        two
    } else {
        three
    };
    (word, 1 + usize::from(u >= 0x80) + usize::from(u >= 0x800))
}

/// The UTF-8 of the character at unit `i` (a surrogate pair; U+FFFD for a lone surrogate) as
/// little-endian bytes, its length in bytes, and how many units it took.
#[inline(always)]
fn one(units: &[u16], i: usize) -> (u32, usize, usize) {
    let at = |k: usize| units.get(i + k).map_or(0, |&u| u32::from(u));
    let u = at(0);
    if u & 0xF800 != 0xD800 {
        let (word, len) = bmp(u);
        return (word, len, 1);
    }
    let low = at(1);
    if u >= 0xDC00 || !(0xDC00..0xE000).contains(&low) {
        return (0xBD_BF_EF, 3, 1);
    }
    let c = 0x1_0000 + ((u - 0xD800) << 10 | (low - 0xDC00));
    let bytes =
        [0xF0 | c >> 18, 0x80 | (c >> 12 & 0x3F), 0x80 | (c >> 6 & 0x3F), 0x80 | (c & 0x3F)];
    (bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24, 4, 2)
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::{
        i8x16_bitmask, i8x16_narrow_i16x8, u8x16_narrow_i16x8, u16x8_add_sat, u16x8_splat, v128,
        v128_load, v128_store,
    };
    use std::mem::MaybeUninit;

    use super::{bmp, one};

    /// The 16 units at `at` narrowed to bytes (right where they are ASCII) and a bit per
    /// unit that is not ASCII. SAFETY: the caller ensures the 16 units are in bounds.
    #[inline(always)]
    unsafe fn block(at: *const u16) -> (v128, u32) {
        // SAFETY: the caller's; wasm loads need no alignment.
        let (a, b) = unsafe { (v128_load(at.cast()), v128_load(at.add(8).cast())) };
        // Adding 0x7F80 (saturating) sets a unit's top bit exactly when it is not ASCII; the
        // signed narrowing keeps that bit, and one bitmask reads all 16.
        let top = |v| u16x8_add_sat(v, u16x8_splat(0x7F80));
        let mask = i8x16_bitmask(i8x16_narrow_i16x8(top(a), top(b))) as u32;
        (u8x16_narrow_i16x8(a, b), mask)
    }

    /// Converts all but the last few units of `src` into `dst` (which has room for 3 bytes
    /// a unit): how many units it read and how many bytes it wrote. Never splits a pair.
    pub(super) fn bulk(src: &[u16], dst: &mut [MaybeUninit<u8>]) -> (usize, usize) {
        let (n, sp, dp) = (src.len(), src.as_ptr(), dst.as_mut_ptr().cast::<u8>());
        let (mut i, mut j) = (0, 0);
        if dst.len() < 3 * n + 1 {
            return (0, 0);
        }
        // SAFETY, for every access below: j <= 3 * i always, as no unit takes more than 3
        // bytes (a pair takes 4). A step reads below i + 16 <= n and writes below
        // j + 19 < 3 * n; the dense run reads below n and writes below 3 * n + 1.
        while i + 16 <= n {
            unsafe {
                let to = dp.add(j);
                let (narrow, mask) = block(sp.add(i));
                v128_store(to.cast(), narrow);
                if mask == 0 {
                    (i, j) = (i + 16, j + 16);
                    continue;
                }
                let k = mask.trailing_zeros() as usize;
                let u = u32::from(*sp.add(i + k));
                if mask.count_ones() > 4 || u & 0xF800 == 0xD800 {
                    // Dense or astral: the ASCII before, then one by one while not ASCII.
                    (i, j) = (i + k, j + k);
                    while i < n && *sp.add(i) >= 0x80 {
                        let (word, len, taken) = one(src, i);
                        dp.add(j).cast::<u32>().write_unaligned(word);
                        (i, j) = (i + taken, j + len);
                    }
                    continue;
                }
                // The ASCII before it is in place; the next step starts right after it.
                let (word, len) = bmp(u);
                to.add(k).cast::<u32>().write_unaligned(word);
                (i, j) = (i + k + 1, j + k + len);
            }
        }
        (i, j)
    }
}

/// Without simd128 (native builds, for tests and clippy) [`one`] does it all.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    pub(super) fn bulk(_: &[u16], _: &mut [std::mem::MaybeUninit<u8>]) -> (usize, usize) {
        (0, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::utf16_to_string;

    #[test]
    fn matches_std_and_replaces_lone_surrogates() {
        for text in ["", "x", "é ∀ 🐍 𝕟", &"größe 東京 🎉 ascii run".repeat(50)] {
            let units: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(utf16_to_string(&units, Vec::new()), text);
            assert_eq!(utf16_to_string(&units, b"stale".to_vec()), text);
        }
        let lone = [0x61, 0xD83D, 0x62, 0xDC0D, 0xD800];
        assert_eq!(utf16_to_string(&lone, Vec::new()), "a\u{FFFD}b\u{FFFD}\u{FFFD}");
    }
}
