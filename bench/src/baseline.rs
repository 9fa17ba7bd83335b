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
        let mut dst = [0u8; 3];
        memcpy(b"abc", &mut dst);
        assert_eq!(&dst, b"abc");
    }
}
