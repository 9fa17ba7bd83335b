//! Words (Python words and dialect word symbols) indexed by text, with a cheap filter by
//! first byte, last byte and length that rejects most names before any hashing.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::index::table_bits;

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
    fn words_replace_duplicates_and_miss_cleanly() {
        let index = WordIndex::new(vec![("if".to_string(), 1), ("if".to_string(), 7)]);
        assert_eq!(index.get("if"), Some(7));
        assert_eq!(index.get("in"), None);
        assert_eq!(index.get(""), None);
    }
}
