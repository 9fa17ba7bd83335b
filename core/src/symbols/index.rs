//! Lookup structures behind a symbol table: glue symbols by first code point, words by text.
//!
//! Both are small open-addressing hash tables built once per table, so the transpilers'
//! per-token cost is a multiply, a shift and one or two compares.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

const EMPTY: u32 = u32::MAX;

/// A glue symbol as the φ → Python hot path needs it: its texts and its spacing.
#[derive(Debug, Clone)]
pub(crate) struct Glue {
    /// The whole symbol (usually one code point).
    pub(crate) symbol: Box<str>,
    /// Its Python text (for messages; the hot path takes the table's padded texts).
    pub(crate) python: Box<str>,
    /// Index of its table entry.
    pub(crate) entry: u16,
    /// The Python text starts with a name character (needs a space after a name).
    pub(crate) word_start: bool,
    /// The Python text ends with a name character (needs a space before a name).
    pub(crate) word_end: bool,
}

/// Glue symbols grouped by their first code point, longest first.
#[derive(Debug, Clone)]
pub(crate) struct GlueIndex {
    /// `(code point, start in glues, count)`; `EMPTY` marks a free slot.
    slots: Vec<(u32, u16, u16)>,
    glues: Vec<Glue>,
    shift: u32,
    direct: Direct,
}

/// Direct lookup by UTF-8 bytes for the common case, a symbol that is one 2- or 3-byte code
/// point and the only glue symbol starting with it: no decoding, no hashing. Values are
/// `1 + index into glues`, 0 for none.
#[derive(Debug, Clone)]
struct Direct {
    /// Two-byte symbols, by `(lead & 0x1F) << 6 | (second & 0x3F)`.
    two: Vec<u16>,
    /// Three-byte symbols: a page number (1-based) by `(lead & 0x0F) << 6 | (second & 0x3F)`,
    pages_of: Vec<u16>,
    /// and in the page, by `third & 0x3F`.
    pages: Vec<[u16; 64]>,
}

impl Direct {
    fn new(glues: &[Glue]) -> Self {
        let mut direct = Self { two: vec![0; 2048], pages_of: vec![0; 1024], pages: Vec::new() };
        for (i, glue) in glues.iter().enumerate() {
            let mut chars = glue.symbol.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else { continue };
            let shares_start = |g: &Glue| g.symbol.starts_with(c) && !core::ptr::eq(g, glue);
            if glues.iter().any(shares_start) {
                continue;
            }
            let b = glue.symbol.as_bytes();
            let value = i as u16 + 1;
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
    fn get(&self, bytes: &[u8], at: usize) -> usize {
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

impl GlueIndex {
    /// Builds the index from the glue symbols of a table.
    pub(crate) fn new(mut glues: Vec<Glue>) -> Self {
        let first = |g: &Glue| g.symbol.chars().next().map_or(0, |c| c as u32);
        glues.retain(|g| !g.symbol.is_empty());
        glues.sort_by(|a, b| first(a).cmp(&first(b)).then(b.symbol.len().cmp(&a.symbol.len())));
        let bits = table_bits(glues.len());
        let mut slots = vec![(EMPTY, 0u16, 0u16); 1 << bits];
        let shift = 32 - bits;
        let mut start = 0;
        while start < glues.len() {
            let cp = first(&glues[start]);
            let end = start + glues[start..].iter().take_while(|g| first(g) == cp).count();
            let mut slot = hash_u32(cp, shift);
            while slots[slot].0 != EMPTY {
                slot = (slot + 1) & (slots.len() - 1);
            }
            slots[slot] = (cp, start as u16, (end - start) as u16);
            start = end;
        }
        let direct = Direct::new(&glues);
        Self { slots, glues, shift, direct }
    }

    /// The glue symbol at `bytes[at..]` when it is a lone one-code-point symbol (the common
    /// case, every default symbol); `None` means "use `get`".
    #[inline(always)]
    pub(crate) fn direct(&self, bytes: &[u8], at: usize) -> Option<&Glue> {
        match self.direct.get(bytes, at) {
            0 => None,
            n => self.glues.get(n - 1),
        }
    }

    /// Glue symbols that start with code point `cp`, longest first (empty when none).
    #[inline]
    pub(crate) fn get(&self, cp: u32) -> &[Glue] {
        let mask = self.slots.len() - 1;
        let mut slot = hash_u32(cp, self.shift);
        loop {
            let (key, start, count) = self.slots[slot];
            if key == cp {
                let (start, count) = (start as usize, count as usize);
                return self.glues.get(start..start + count).unwrap_or(&[]);
            }
            if key == EMPTY {
                return &[];
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether some glue symbol starts with `c`.
    #[inline]
    pub(crate) fn starts(&self, c: char) -> bool {
        !self.get(c as u32).is_empty()
    }
}

/// Entry indices keyed by a word (a Python word or a word symbol).
#[derive(Debug, Clone)]
pub(crate) struct WordIndex {
    slots: Vec<Option<(String, u16)>>,
    /// Bit `n` of `firsts[b]`: some key starts with byte `b` and is `n` bytes long (n < 64).
    firsts: Vec<u64>,
    /// Bit `n` of `lasts[b]`: some key ends with byte `b` and is `n` bytes long.
    lasts: Vec<u64>,
}

impl WordIndex {
    /// Builds the index; a later duplicate key replaces an earlier one.
    pub(crate) fn new(items: Vec<(String, u16)>) -> Self {
        let bits = table_bits(items.len());
        let mut index =
            Self { slots: vec![None; 1 << bits], firsts: vec![0; 256], lasts: vec![0; 256] };
        for (key, entry) in items {
            let (Some(&first), Some(&last)) = (key.as_bytes().first(), key.as_bytes().last())
            else {
                continue;
            };
            index.firsts[first as usize] |= len_bit(key.len());
            index.lasts[last as usize] |= len_bit(key.len());
            let mask = index.slots.len() - 1;
            let mut slot = hash_str(&key) & mask;
            loop {
                match &mut index.slots[slot] {
                    Some((existing, value)) if *existing == key => {
                        *value = entry;
                        break;
                    }
                    Some(_) => slot = (slot + 1) & mask,
                    free @ None => {
                        *free = Some((key, entry));
                        break;
                    }
                }
            }
        }
        index
    }

    /// Bit `n` of `firsts[b]` / `lasts[b]`: some word of length `n` starts / ends with `b`.
    pub(crate) fn shapes(&self) -> (&[u64], &[u64]) {
        (&self.firsts, &self.lasts)
    }

    /// Whether the index holds no words.
    pub(crate) fn is_empty(&self) -> bool {
        self.firsts.iter().all(|&s| s == 0)
    }

    /// The entry for `word`, if any.
    #[inline(always)]
    pub(crate) fn get(&self, word: &str) -> Option<u16> {
        let bytes = word.as_bytes();
        let (first, last) = (bytes.first().copied(), bytes.last().copied());
        let (first, last) = (first.unwrap_or(0) as usize, last.unwrap_or(0) as usize);
        let len = len_bit(word.len());
        if self.firsts[first] & self.lasts[last] & len == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash_str(word) & mask;
        loop {
            match &self.slots[slot] {
                Some((key, entry)) if key == word => return Some(*entry),
                Some(_) => slot = (slot + 1) & mask,
                None => return None,
            }
        }
    }
}

fn table_bits(items: usize) -> u32 {
    // At most a quarter full, and never fewer than 64 slots.
    (items.max(16) * 4).next_power_of_two().trailing_zeros()
}

#[inline]
fn hash_u32(cp: u32, shift: u32) -> usize {
    (cp.wrapping_mul(0x9E37_79B1) >> shift) as usize
}

#[inline]
fn len_bit(len: usize) -> u64 {
    1u64 << len.min(63)
}

#[inline]
fn hash_str(s: &str) -> usize {
    // Words are short and differ in their ends and length: mixing those three is enough,
    // and probing sorts out the rest.
    let bytes = s.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    let (first, last) = (first.unwrap_or(0) as u32, last.unwrap_or(0) as u32);
    let second = bytes.get(1).copied().unwrap_or(0) as u32;
    let h = (first.wrapping_mul(0x9E37_79B1) ^ second.wrapping_mul(0x85EB_CA6B)).wrapping_add(
        last.wrapping_mul(0xC2B2_AE35) ^ (bytes.len() as u32).wrapping_mul(0x27D4_EB2F),
    );
    (h ^ (h >> 15)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn glue_groups_longest_first() {
        let glue = |symbol: &str, entry| Glue {
            symbol: symbol.into(),
            python: "x".into(),
            entry,
            word_start: true,
            word_end: true,
        };
        let index = GlueIndex::new(vec![glue("∀", 0), glue("∀∀", 1), glue("¿", 2)]);
        let entries = |c: char| index.get(c as u32).iter().map(|g| g.entry).collect::<Vec<_>>();
        assert_eq!(entries('∀'), [1, 0]);
        assert_eq!(entries('¿'), [2]);
        assert!(!index.starts('x'));
    }

    #[test]
    fn words_replace_duplicates_and_miss_cleanly() {
        let index = WordIndex::new(vec![("if".to_string(), 1), ("if".to_string(), 7)]);
        assert_eq!(index.get("if"), Some(7));
        assert_eq!(index.get("in"), None);
        assert_eq!(index.get(""), None);
    }
}
