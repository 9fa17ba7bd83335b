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
pub(crate) fn hash_str(s: &str) -> usize {
    // The first and the last eight (or four) bytes, overlapping in short words, and the
    // length, mixed: constant time whatever the length, and fixed-size loads only. A hash of
    // the two end bytes alone put a dialect of `word1` … `word30000` into a few chains, and
    // building the table took quadratic time.
    let bytes = s.as_bytes();
    let n = bytes.len();
    let (head, tail) = if n >= 8 {
        (load8(&bytes[..8]), load8(&bytes[n - 8..]))
    } else if n >= 4 {
        (u64::from(load4(&bytes[..4])), u64::from(load4(&bytes[n - 4..])))
    } else {
        let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
        (at(0) | at(1) << 8 | at(2) << 16, 0)
    };
    let h = (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ tail.rotate_left(29))
        .wrapping_mul(0x517C_C1B7_2722_0A95)
        ^ n as u64;
    (h ^ (h >> 32)) as usize
}

#[inline(always)]
fn load8(eight: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

#[inline(always)]
fn load4(four: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(four);
    u32::from_le_bytes(word)
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
