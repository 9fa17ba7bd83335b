//! A floor for Python → φ: find every identifier of the Python input (64-byte blocks,
//! starts listed first) and look each up in a collision-free hash of the mapped words, with
//! no lexing, no attribute check and no output. Python → φ must do at least this much per
//! identifier, and the generated Python has one every ~8 bytes.

use phicode_core::SymbolTable;

use crate::baseline::flags;
use crate::perfect_hash::PerfectHash;
use crate::swap::IDENT;

/// The table's ASCII Python words, keyed by their first 8 bytes and their length.
pub struct WordWalk {
    hash: PerfectHash<u64>,
}

impl WordWalk {
    /// The hash of `table`'s Python words that are identifiers.
    pub fn new(table: &SymbolTable) -> Self {
        let mut keys: Vec<u64> = (table.entries().iter())
            .map(|e| e.python.as_bytes())
            .filter(|w| !w.is_empty() && w.iter().all(|&b| IDENT[usize::from(b)]))
            .map(|w| key(w, w.len()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        Self { hash: PerfectHash::new(&keys, |&key| key) }
    }

    /// How many identifiers of `src` are mapped words (the last 64 to 127 bytes unread).
    pub fn run(&self, src: &[u8]) -> usize {
        let (mut hits, mut carry, mut base) = (0, 0, 0);
        let mut starts = [0u32; 64];
        // Compares rather than a table lookup, so that the classification vectorises.
        let is_name = |b: u8| b >= 0x80 || b.is_ascii_alphanumeric() || b == b'_';
        let mut next = src.get(..64).map_or(0, |block| flags(block, is_name));
        while let Some(block) = src.get(base..base + 128) {
            let names = next;
            next = flags(&block[64..], is_name);
            let mut bits = names & !(names << 1 | carry);
            carry = names >> 63;
            let count = bits.count_ones() as usize;
            for slot in &mut starts[..count] {
                *slot = bits.trailing_zeros();
                bits &= bits - 1;
            }
            for &offset in &starts[..count] {
                // The name's length: the run of name bytes from its start, across the next block.
                let run = names >> offset | next.checked_shl(64 - offset).unwrap_or(0);
                let len = (!run).trailing_zeros() as usize;
                let key = key(&block[offset as usize..], len);
                hits += usize::from(*self.hash.get(key) == key);
            }
            base += 64;
        }
        hits
    }
}

/// A word's first (up to) 8 bytes and its length, as one key (never 0).
#[inline(always)]
fn key(text: &[u8], len: usize) -> u64 {
    let word = match text.get(..8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => text.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)),
    };
    let kept = if len >= 8 { word } else { word & ((1 << (8 * len)) - 1) };
    kept ^ (len as u64 | 0x80) << 56
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_mapped_words_among_all_names() {
        let walk = WordWalk::new(&SymbolTable::new());
        let text = "for x in range(len(xs)): print(x, lengthy, isinstance) if not_a else None";
        let padded = format!("{text}{}", " ".repeat(128));
        // for, in, range, len, print, if, else, None; not `lengthy`, `not_a`, `isinstance`.
        assert_eq!(walk.run(padded.as_bytes()), 8);
        for start in 56..66 {
            let across = format!("{}print printer{}", "x ".repeat(start / 2), " ".repeat(200));
            let across = if start % 2 == 1 { format!(" {across}") } else { across };
            assert_eq!(walk.run(across.as_bytes()), 1, "a word across blocks, at {start}");
        }
    }
}
