//! Lookup structures behind a symbol table: glue symbols by first code point, words by text.
//!
//! Both are small open-addressing hash tables built once per table, so the transpilers'
//! per-token cost is a multiply, a shift and one or two compares.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

const EMPTY: u32 = u32::MAX;

/// Entry indices of the glue symbols, grouped by their first code point, longest first.
#[derive(Debug, Clone)]
pub(crate) struct GlueIndex {
    /// `(code point, start in order, count)`; `EMPTY` marks a free slot.
    slots: Vec<(u32, u16, u16)>,
    order: Vec<u16>,
    shift: u32,
}

impl GlueIndex {
    /// Builds the index from `(first char, symbol byte length, entry index)` triples.
    pub(crate) fn new(mut items: Vec<(char, usize, u16)>) -> Self {
        items.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let bits = table_bits(items.len());
        let mut slots = vec![(EMPTY, 0u16, 0u16); 1 << bits];
        let shift = 32 - bits;
        let order: Vec<u16> = items.iter().map(|item| item.2).collect();
        let mut start = 0;
        while start < items.len() {
            let cp = items[start].0 as u32;
            let end = start
                + items[start..]
                    .iter()
                    .take_while(|i| i.0 as u32 == cp)
                    .count();
            let mut slot = hash_u32(cp, shift);
            while slots[slot].0 != EMPTY {
                slot = (slot + 1) & (slots.len() - 1);
            }
            slots[slot] = (cp, start as u16, (end - start) as u16);
            start = end;
        }
        Self {
            slots,
            order,
            shift,
        }
    }

    /// Entries whose symbol starts with `c`, longest symbol first (empty when none).
    #[inline]
    pub(crate) fn get(&self, c: char) -> &[u16] {
        let cp = c as u32;
        let mask = self.slots.len() - 1;
        let mut slot = hash_u32(cp, self.shift);
        loop {
            let (key, start, count) = self.slots[slot];
            if key == cp {
                let (start, count) = (start as usize, count as usize);
                return self.order.get(start..start + count).unwrap_or(&[]);
            }
            if key == EMPTY {
                return &[];
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Entry indices keyed by a word (a Python word or a word symbol).
#[derive(Debug, Clone)]
pub(crate) struct WordIndex {
    slots: Vec<Option<(String, u16)>>,
    len_mask: u64,
}

impl WordIndex {
    /// Builds the index; a later duplicate key replaces an earlier one.
    pub(crate) fn new(items: Vec<(String, u16)>) -> Self {
        let bits = table_bits(items.len());
        let mut index = Self {
            slots: vec![None; 1 << bits],
            len_mask: 0,
        };
        for (key, entry) in items {
            index.len_mask |= len_bit(key.len());
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

    /// Whether the index holds no words.
    pub(crate) fn is_empty(&self) -> bool {
        self.len_mask == 0
    }

    /// The entry for `word`, if any.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<u16> {
        if self.len_mask & len_bit(word.len()) == 0 {
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
    // FNV-1a: words are short, so a byte loop beats anything fancier.
    let mut h: u32 = 0x811C_9DC5;
    for &b in s.as_bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn glue_groups_longest_first() {
        let index = GlueIndex::new(vec![('a', 1, 0), ('a', 3, 1), ('b', 1, 2)]);
        assert_eq!(index.get('a'), &[1, 0]);
        assert_eq!(index.get('b'), &[2]);
        assert!(index.get('c').is_empty());
    }

    #[test]
    fn words_replace_duplicates_and_miss_cleanly() {
        let index = WordIndex::new(vec![("if".to_string(), 1), ("if".to_string(), 7)]);
        assert_eq!(index.get("if"), Some(7));
        assert_eq!(index.get("in"), None);
        assert_eq!(index.get(""), None);
    }
}
