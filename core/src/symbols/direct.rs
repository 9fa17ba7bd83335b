//! The glue symbols' fast path: one hash probe keyed by a character's UTF-8 bytes, read as
//! one little-endian word. No decoding, no branch on the character's length.

use alloc::vec;
use alloc::vec::Vec;

use super::index::table_bits;

/// The value for a character that starts glue symbols but not one lone one-character
/// symbol: look in the full index.
pub(super) const SHARED: u16 = u16::MAX;

/// Lone one-character glue symbols (and, as `SHARED`, the first characters of the others)
/// by the UTF-8 bytes of the character. Values are `1 + index into the symbols`, `SHARED`,
/// or 0 for none.
///
/// The hash multiplier is searched for when the table is built so that every character
/// has a slot of its own: a lookup is one probe and one compare, never a loop. A table so
/// big that no multiplier fits sends every character to the full index (`SHARED`).
#[derive(Debug, Clone)]
pub(super) struct Direct {
    /// `(key, value)`; key 0 (no UTF-8 character has it) marks a free slot.
    slots: Vec<(u32, u16)>,
    shift: u32,
    multiplier: u32,
    /// No collision-free multiplier was found: answer `SHARED` for every character.
    overflow: bool,
}

/// Multipliers tried per table size, and the largest size tried (in bits).
const TRIES: u64 = 64;
const MAX_BITS: u32 = 16;

impl Direct {
    /// The table of the glue symbols `symbols`; only their texts matter here.
    pub(super) fn new(symbols: &[&str]) -> Self {
        let mut entries: Vec<(u32, u16)> = Vec::new();
        for (i, symbol) in symbols.iter().enumerate() {
            let mut chars = symbol.chars();
            let Some(c) = chars.next() else { continue };
            let shares_start = |(j, s): (usize, &&str)| s.starts_with(c) && j != i;
            let lone = chars.next().is_none() && !symbols.iter().enumerate().any(shares_start);
            let value = if lone && i + 1 < SHARED as usize { i as u16 + 1 } else { SHARED };
            let mut utf8 = [0u8; 4];
            let key = key(c.encode_utf8(&mut utf8).as_bytes(), 0);
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = SHARED,
                None => entries.push((key, value)),
            }
        }
        (table_bits(entries.len())..=MAX_BITS)
            .flat_map(|bits| (0..TRIES).map(move |seed| (bits, multiplier(seed))))
            .find_map(|(bits, multiplier)| Self::place(&entries, bits, multiplier))
            .unwrap_or(Self { slots: vec![(0, 0)], shift: 31, multiplier: 0, overflow: true })
    }

    /// The table with `multiplier`, if it gives every entry a slot of its own.
    fn place(entries: &[(u32, u16)], bits: u32, multiplier: u32) -> Option<Self> {
        let mut direct =
            Self { slots: vec![(0, 0); 1 << bits], shift: 32 - bits, multiplier, overflow: false };
        for &(key, value) in entries {
            let slot = direct.slot(key);
            if direct.slots[slot].0 != 0 {
                return None;
            }
            direct.slots[slot] = (key, value);
        }
        Some(direct)
    }

    #[inline(always)]
    fn slot(&self, key: u32) -> usize {
        (key.wrapping_mul(self.multiplier) >> self.shift) as usize
    }

    /// The value for the character whose lead byte is at `at`.
    #[inline(always)]
    pub(super) fn get(&self, bytes: &[u8], at: usize) -> usize {
        let key = key(bytes, at);
        match self.slots.get(self.slot(key)) {
            Some(&(k, value)) if k == key => value as usize,
            _ if self.overflow => SHARED as usize,
            _ => 0,
        }
    }
}

/// The UTF-8 bytes of the character whose lead byte is at `at`, as a little-endian word
/// (bytes past the character, or past the text, are zero).
#[inline(always)]
fn key(bytes: &[u8], at: usize) -> u32 {
    let word = match bytes.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => {
            let mut word = [0u8; 4];
            let rest = bytes.get(at..).unwrap_or(&[]);
            let n = rest.len().min(4);
            word[..n].copy_from_slice(&rest[..n]);
            u32::from_le_bytes(word)
        }
    };
    let len = bytes.get(at).map_or(4, |b| b.leading_ones().clamp(1, 4));
    word & (u32::MAX >> (8 * (4 - len)))
}

/// The `seed`th odd multiplier (splitmix64's output, so they look nothing alike).
fn multiplier(seed: u64) -> u32 {
    let mut z = seed.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as u32 | 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn finds_lone_symbols_of_every_length_and_marks_shared_starts() {
        let direct = Direct::new(&["é", "∀", "𝕟", "≠≠", "≠"]);
        let at = |text: &str| direct.get(("ab".to_string() + text + "cd").as_bytes(), 2);
        assert_eq!((at("é"), at("∀"), at("𝕟")), (1, 2, 3));
        assert_eq!((at("≠"), at("ê"), at("∁"), at("𝕠")), (SHARED as usize, 0, 0, 0));
        assert_eq!(direct.get("x∀".as_bytes(), 1), 2, "a character at the very end");
    }

    #[test]
    fn thousands_of_symbols_still_get_one_probe_each_or_fall_back() {
        let symbols: alloc::vec::Vec<_> = (0..3000u32)
            .filter_map(|i| char::from_u32(0x4E00 + i))
            .map(|c| c.to_string())
            .collect();
        let direct = Direct::new(&symbols.iter().map(|s| s.as_str()).collect::<Vec<_>>());
        for (i, s) in symbols.iter().enumerate() {
            let value = direct.get(s.as_bytes(), 0);
            assert!(value == i + 1 || (direct.overflow && value == SHARED as usize));
        }
    }
}
