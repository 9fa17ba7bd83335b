//! Hardware baselines measured on the same input, so the table can say how far the
//! transpiler is from what a machine can do with these bytes at all.

use std::hint::black_box;

/// Sum of all bytes: the compiler vectorises it, so it is near memory bandwidth: a ceiling
/// for any scan that must look at every byte.
pub fn byte_sum(bytes: &[u8]) -> u64 {
    bytes.iter().map(|&b| u64::from(b)).sum()
}

/// A plain byte-at-a-time loop with a data-dependent branch and state (toggles on quotes,
/// counts `#` outside them): it cannot be vectorised, like a naive lexer's inner loop.
pub fn byte_loop(bytes: &[u8]) -> usize {
    let mut in_string = false;
    let mut hashes = 0;
    for &b in bytes {
        if b == b'"' {
            in_string = !in_string;
        } else if b == b'#' && !in_string {
            hashes += 1;
        }
    }
    hashes
}

/// The floor of any lexer that visits events: every quote, `#` and non-ASCII byte found a
/// 64-byte block at a time, then visited with a branch on its kind (characters stepped
/// over whole), and nothing else done. φ → Python must do at least this much per event.
pub fn event_walk(bytes: &[u8]) -> usize {
    let mut kinds = [0usize; 3];
    let mut at = 0;
    while let Some(block) = bytes.get(at..at + 64) {
        let mut stops = flags(block, |b| b >= 0x80 || b == b'"' || b == b'\'' || b == b'#');
        let base = at;
        at += 64;
        while stops != 0 {
            let stop = base + stops.trailing_zeros() as usize;
            let (kind, len) = match bytes[stop] {
                b @ 0xC0.. => (0, b.leading_ones() as usize),
                b'#' => (1, 1),
                _ => (2, 1),
            };
            kinds[kind] += 1;
            let next = stop + len - base;
            if next >= 64 {
                at = base + next;
                break;
            }
            stops &= u64::MAX << next;
        }
    }
    kinds.iter().sum()
}

/// One bit per byte of a 64-byte block, set where `flag` holds: flags as bytes (vectorised),
/// gathered eight at a time.
#[inline(always)]
pub(crate) fn flags(block: &[u8], flag: impl Fn(u8) -> bool) -> u64 {
    let mut flags = [0u8; 64];
    for (slot, &b) in flags.iter_mut().zip(block) {
        *slot = u8::from(flag(b));
    }
    flags.chunks_exact(8).enumerate().fold(0, |mask, (k, eight)| {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        mask | (word.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k)
    })
}

/// Copies `src` into `dst` (same length): the cost of just writing an output.
pub fn memcpy(src: &[u8], dst: &mut [u8]) {
    dst.copy_from_slice(black_box(src));
    black_box(dst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baselines_compute_what_they_claim() {
        assert_eq!(byte_sum(b"\x01\x02\xff"), 258);
        assert_eq!(byte_loop(b"# a \"#\" # b"), 2);
        let text = format!("{}\"é#∀'{}", "x".repeat(60), "y".repeat(70));
        assert_eq!(event_walk(text.as_bytes()), 5);
        let mut dst = [0u8; 3];
        memcpy(b"abc", &mut dst);
        assert_eq!(&dst, b"abc");
    }
}
