//! The Python → φ code scan: it walks names itself and stops only at those that could be a
//! table word (by first byte, last byte and length), so most names cost a table lookup
//! instead of a trip through the handler. Numbers stop it too: the handler knows where
//! Python ends them (`1if` is `1` then `if`).

use alloc::vec;
use alloc::vec::Vec;

use crate::symbols::SymbolTable;
use crate::text::ASCII_IDENT;

/// What a byte means to the scan.
const OTHER: u8 = 0;
const NAME: u8 = 1;
const DIGIT: u8 = 2;
const STOP: u8 = 3;

const CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if ASCII_IDENT[b] {
            NAME
        } else if b >= 0x80 || matches!(c, b'"' | b'\'' | b'#' | b':') {
            STOP
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// Names that may be table words (Python words or dialect words), by shape.
pub(crate) struct NameFilter {
    firsts: Vec<u64>,
    lasts: Vec<u64>,
}

impl NameFilter {
    pub(crate) fn new(table: &SymbolTable) -> Self {
        let mut filter = Self { firsts: vec![0; 256], lasts: vec![0; 256] };
        for index in [&table.python_words, &table.phi_words] {
            let (firsts, lasts) = index.shapes();
            for (mine, theirs) in filter.firsts.iter_mut().zip(firsts) {
                *mine |= theirs;
            }
            for (mine, theirs) in filter.lasts.iter_mut().zip(lasts) {
                *mine |= theirs;
            }
        }
        filter
    }

    #[inline(always)]
    fn may_match(&self, first: u8, last: u8, len: usize) -> bool {
        self.firsts[first as usize] & self.lasts[last as usize] & (1u64 << len.min(63)) != 0
    }

    /// First index at or after `from` that is a quote, `#`, `:`, a non-ASCII byte, a number,
    /// or the start of an ASCII name that may be a table word; `bytes.len()` when none.
    #[inline]
    pub(crate) fn next_stop(&self, bytes: &[u8], from: usize) -> usize {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        let from = match self.next_stop_simd(bytes, from) {
            Ok(stop) => return stop,
            Err(tail) => tail,
        };
        self.next_stop_bytes(bytes, from)
    }

    /// 16 bytes a step: names are found from bit masks, and only candidates stop the scan.
    /// `Err(at)` hands the last, shorter chunk to the byte loop.
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    #[inline(always)]
    fn next_stop_simd(&self, bytes: &[u8], from: usize) -> Result<usize, usize> {
        let mut i = from;
        while let Some(chunk) = bytes.get(i..i + 16).and_then(|c| <&[u8; 16]>::try_from(c).ok()) {
            let m = crate::simd::classify(chunk);
            // A name (or number) starts where an identifier byte follows a non-identifier
            // byte; chunks always begin outside a name, so bit 0 may start one too.
            let mut events = (m.ident & !(m.ident << 1)) | m.stop;
            let mut resume = i + 16;
            while events != 0 {
                let k = events.trailing_zeros() as usize;
                let at = i + k;
                if (m.stop | m.digit) >> k & 1 == 1 {
                    return Ok(at);
                }
                let len = (!(m.ident >> k)).trailing_zeros() as usize;
                if k + len >= 16 {
                    // The name runs past this chunk: finish it byte by byte.
                    let tail = &bytes[at..];
                    let len =
                        tail.iter().position(|&c| !ASCII_IDENT[c as usize]).unwrap_or(tail.len());
                    if self.candidate(bytes, at, len) {
                        return Ok(at);
                    }
                    resume = at + len;
                    break;
                }
                if self.candidate(bytes, at, len) {
                    return Ok(at);
                }
                events &= !((1u32 << (k + len)) - 1);
            }
            i = resume;
        }
        Err(i)
    }

    /// Whether the ASCII name at `at..at + len` must go to the handler.
    #[inline(always)]
    fn candidate(&self, bytes: &[u8], at: usize, len: usize) -> bool {
        let end = at + len;
        let (first, last) = (bytes[at], bytes[end - 1]);
        bytes.get(end).is_some_and(|&c| c >= 0x80) || self.may_match(first, last, len)
    }

    /// The portable scan, one byte at a time.
    fn next_stop_bytes(&self, bytes: &[u8], from: usize) -> usize {
        let mut i = from;
        while let Some(&b) = bytes.get(i) {
            match CLASS[b as usize] {
                OTHER => i += 1,
                STOP | DIGIT => return i,
                _ => {
                    let tail = &bytes[i..];
                    let len =
                        tail.iter().position(|&c| !ASCII_IDENT[c as usize]).unwrap_or(tail.len());
                    if self.candidate(bytes, i, len) {
                        return i;
                    }
                    i += len;
                }
            }
        }
        bytes.len()
    }
}
