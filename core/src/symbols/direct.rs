//! The glue symbols' fast path: lookup by UTF-8 bytes, no decoding and no hashing.

use alloc::vec;
use alloc::vec::Vec;

use super::glue::Glue;

/// The value for a code point that starts glue symbols but not one lone one-character
/// symbol: look in the full index.
pub(super) const SHARED: u16 = u16::MAX;

/// Direct lookup by UTF-8 bytes for the common case, a symbol that is one 2- or 3-byte code
/// point and the only glue symbol starting with it: no decoding, no hashing. Values are
/// `1 + index into glues`, `SHARED`, or 0 for none.
#[derive(Debug, Clone)]
pub(super) struct Direct {
    /// Two-byte symbols, by `(lead & 0x1F) << 6 | (second & 0x3F)`.
    two: Vec<u16>,
    /// Three-byte symbols: a page number (1-based) by `(lead & 0x0F) << 6 | (second & 0x3F)`,
    pages_of: Vec<u16>,
    /// and in the page, by `third & 0x3F`.
    pages: Vec<[u16; 64]>,
}

impl Direct {
    pub(super) fn new(glues: &[Glue]) -> Self {
        let mut direct = Self { two: vec![0; 2048], pages_of: vec![0; 1024], pages: Vec::new() };
        for (i, glue) in glues.iter().enumerate() {
            let mut chars = glue.symbol.chars();
            let Some(c) = chars.next() else { continue };
            let shares_start = |g: &Glue| g.symbol.starts_with(c) && !core::ptr::eq(g, glue);
            let lone = chars.next().is_none() && !glues.iter().any(shares_start);
            let mut utf8 = [0u8; 4];
            let b = c.encode_utf8(&mut utf8).as_bytes();
            let value = if lone && i + 1 < SHARED as usize { i as u16 + 1 } else { SHARED };
            match b.len() {
                2 => direct.two[((b[0] & 0x1F) as usize) << 6 | (b[1] & 0x3F) as usize] = value,
                3 => {
                    let key = ((b[0] & 0x0F) as usize) << 6 | (b[1] & 0x3F) as usize;
                    if direct.pages_of[key] == 0 {
                        direct.pages.push([0; 64]);
                        direct.pages_of[key] = direct.pages.len() as u16;
                    }
                    if let Some(page) = direct.pages.get_mut(direct.pages_of[key] as usize - 1) {
                        page[(b[2] & 0x3F) as usize] = value;
                    }
                }
                _ => {}
            }
        }
        direct
    }

    #[inline(always)]
    pub(super) fn get(&self, bytes: &[u8], at: usize) -> usize {
        let byte = |k: usize| bytes.get(at + k).map_or(0, |&b| (b & 0x3F) as usize);
        match bytes.get(at) {
            Some(&b0 @ 0xC0..=0xDF) => self.two[((b0 & 0x1F) as usize) << 6 | byte(1)] as usize,
            Some(&b0 @ 0xE0..=0xEF) => {
                let page = self.pages_of[((b0 & 0x0F) as usize) << 6 | byte(1)] as usize;
                match page {
                    0 => 0,
                    _ => self.pages.get(page - 1).map_or(0, |p| p[byte(2)] as usize),
                }
            }
            _ => 0,
        }
    }
}
