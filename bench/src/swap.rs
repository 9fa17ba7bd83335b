//! A ceiling for φ → Python: the least work a converter must do per symbol (find it, look it
//! up, space it off from names, write its text), with no lexing at all (symbols in strings
//! and comments are swapped too) and no checks beyond Rust's bounds checks. The transpiler
//! does all of this and also knows strings, comments and f-strings, so it cannot be faster.

use phicode_core::SymbolTable;

use crate::baseline::flags;
use crate::perfect_hash::PerfectHash;

/// A one-character symbol's key (its UTF-8 bytes as a little-endian word) and Python text.
#[derive(Clone, Copy, Default)]
pub(crate) struct Slot {
    pub(crate) key: u32,
    symbol_len: u8,
    pub(crate) text_len: u8,
    pub(crate) word_start: bool,
    pub(crate) word_end: bool,
    pub(crate) text: [u8; 16],
}

/// The default table's one-character symbols in a collision-free multiplicative hash table.
pub struct Swap {
    pub(crate) hash: PerfectHash<Slot>,
}

pub(crate) const IDENT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

impl Swap {
    /// The table for `table`'s non-ASCII one-character symbols with texts of up to 14 bytes.
    pub fn new(table: &SymbolTable) -> Self {
        let slots: Vec<Slot> =
            table.entries().iter().filter_map(|e| slot(&e.symbol, &e.python)).collect();
        Self { hash: PerfectHash::new(&slots, |slot| u64::from(slot.key)) }
    }

    /// Writes `src` with every symbol swapped into `out`; returns the output length.
    pub fn run(&self, src: &[u8], out: &mut Vec<u8>) -> usize {
        out.clear();
        out.resize(src.len() * 9 + 128, 0);
        let (mut o, mut copied, mut base) = (0, 0, 0);
        while let Some(block) = src.get(base..base + 64).filter(|_| base + 128 <= src.len()) {
            let mut leads = flags(block, |b| b >= 0xC0);
            while leads != 0 {
                let at = base + leads.trailing_zeros() as usize;
                leads &= leads - 1;
                let word = u32::from_le_bytes([src[at], src[at + 1], src[at + 2], src[at + 3]]);
                let key = word & (u32::MAX >> (8 * (4 - src[at].leading_ones().min(4))));
                let slot = self.hash.get(u64::from(key));
                if slot.key != key || at < copied {
                    continue;
                }
                let gap = at - copied;
                out[o..o + 64].copy_from_slice(&src[copied..copied + 64]);
                if gap > 64 {
                    out[o + 64..o + gap].copy_from_slice(&src[copied + 64..at]);
                }
                o += gap;
                let before = slot.word_start & IDENT[out[o.saturating_sub(1)] as usize];
                out[o] = b' ';
                o += usize::from(before);
                out[o..o + 16].copy_from_slice(&slot.text);
                o += usize::from(slot.text_len);
                copied = at + usize::from(slot.symbol_len);
                let after = slot.word_end & IDENT[src[copied] as usize];
                out[o] = b' ';
                o += usize::from(after);
            }
            base += 64;
        }
        let rest = src.len() - copied;
        out[o..o + rest].copy_from_slice(&src[copied..]);
        out.truncate(o + rest);
        out.len()
    }
}

fn slot(symbol: &str, python: &str) -> Option<Slot> {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    let (first, last) = (python.bytes().next()?, python.bytes().last()?);
    if c.is_ascii() || python.len() > 14 {
        return None;
    }
    let (mut key, mut text) = ([0u8; 4], [0u8; 16]);
    key[..symbol.len()].copy_from_slice(symbol.as_bytes());
    text[..python.len()].copy_from_slice(python.as_bytes());
    Some(Slot {
        key: u32::from_le_bytes(key),
        symbol_len: symbol.len() as u8,
        text_len: python.len() as u8,
        word_start: IDENT[first as usize],
        word_end: IDENT[last as usize],
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_symbols_everywhere_and_spaces_words_off() {
        let table = SymbolTable::new();
        let swap = Swap::new(&table);
        let mut src = String::from("¿x∈xs∧¬y: π('∀') größe ≔ ℓ(x)");
        src.push_str(&" ".repeat(128));
        let mut out = Vec::new();
        swap.run(src.as_bytes(), &mut out);
        let text = String::from_utf8(out).expect("whole characters are copied");
        assert_eq!(text.trim_end(), "if x in xs and not y: print('for') größe := len(x)");
    }
}
