//! The fast path through top-level code: 64 bytes classified at once, then only the flagged
//! bytes (quotes, `#`, non-ASCII) visited. Comments and plain strings are stepped over here;
//! f-strings, broken strings and the source's last bytes go back to the general lexer.

use super::handler::Handler;
use super::prefix;
use super::scan::skip_comment;
use super::strings::{self, End, Quote};

/// Bytes at the end of the source left to the general lexer, so that fixed-size copies
/// made at a stop stay inside the source.
const TAIL: usize = 96;

#[inline(always)]
fn code_stops(block: &[u8; 64]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    let stops = crate::simd::code_stops(block);
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let stops = crate::simd_wasm::code_stops(block);
    #[cfg(not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "wasm32", target_feature = "simd128")
    )))]
    let stops = super::scan::code_stops(block);
    stops
}

/// Lexes top-level code from `from` (a char boundary) for as long as the fast path can;
/// returns where the general lexer takes over, a char boundary in top-level code.
#[inline]
pub(super) fn skim<H: Handler>(src: &str, from: usize, h: &mut H) -> usize {
    let bytes = src.as_bytes();
    let end = bytes.len().saturating_sub(TAIL);
    let mut i = from;
    while i < end {
        let Some(block) = bytes.get(i..i + 64).and_then(|b| <&[u8; 64]>::try_from(b).ok()) else {
            break;
        };
        let base = i;
        let mut stops = code_stops(block);
        i = base + 64;
        while stops != 0 {
            let at = base + stops.trailing_zeros() as usize;
            let Some(next) = visit(src, at, h) else { return at };
            if next >= base + 64 {
                i = next;
                break;
            }
            stops &= u64::MAX << (next - base);
        }
    }
    i
}

/// Steps over the flagged byte at `at`: `None` hands it to the general lexer.
#[inline(always)]
fn visit<H: Handler>(src: &str, at: usize, h: &mut H) -> Option<usize> {
    let bytes = src.as_bytes();
    match bytes.get(at).copied()? {
        0xC0.. => h.glyph(src, at),
        b'#' => Some(skip_comment(bytes, at)),
        b'"' | b'\'' => plain_string(src, at, h),
        // A continuation byte, whose lead was stepped over with its character.
        _ => Some(at + 1),
    }
}

/// The end of the well-formed plain string whose quote is at `at`.
#[inline]
fn plain_string<H: Handler>(src: &str, at: usize, h: &H) -> Option<usize> {
    let bytes = src.as_bytes();
    let prefix = prefix::detect(bytes, src, at, |c| h.splits(c));
    if prefix.formatted {
        return None;
    }
    let (q, body) = Quote::open(bytes, at, prefix.start, prefix.raw);
    match strings::plain(bytes, &q, body) {
        End::Closed(end) => Some(end),
        End::LineBreak(_) | End::Eof => None,
    }
}
