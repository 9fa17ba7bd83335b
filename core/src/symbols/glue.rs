//! Glue symbols (a token of their own wherever they appear) indexed by first code point: a
//! small open-addressing table, plus a direct byte-indexed table for the common case.

use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;

use super::direct::Direct;
use super::index::{hash_u32, table_bits};

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

/// A glue symbol as the fast path stores it: the Python text in a fixed 16-byte slot (for
/// texts of up to 14 bytes, so a space fits on either side of the slot's copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packed {
    /// The Python text, zero-filled to 16 bytes.
    pub(crate) text: [u8; 16],
    /// Its length.
    pub(crate) len: u8,
    /// The symbol's length in bytes.
    pub(crate) symbol_len: u8,
    /// The Python text starts with a name character.
    pub(crate) word_start: bool,
    /// The Python text ends with a name character.
    pub(crate) word_end: bool,
    /// Index of its table entry.
    pub(crate) entry: u16,
}

impl Packed {
    /// The packed form of `glue`, if its texts are short enough.
    fn of(glue: &Glue) -> Option<Self> {
        let python = glue.python.as_bytes();
        let mut text = [0u8; 16];
        text.get_mut(..python.len()).filter(|_| python.len() <= 14)?.copy_from_slice(python);
        Some(Self {
            text,
            len: python.len() as u8,
            symbol_len: u8::try_from(glue.symbol.len()).ok()?,
            word_start: glue.word_start,
            word_end: glue.word_end,
            entry: glue.entry,
        })
    }
}

/// What the fast path finds at a non-ASCII character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup<'a> {
    /// No glue symbol starts with this character.
    None,
    /// This lone one-character symbol.
    Symbol(&'a Packed),
    /// Some glue symbol starts here, but not one the fast path handles.
    Slow,
}

/// Glue symbols grouped by their first code point, longest first.
#[derive(Debug, Clone)]
pub(crate) struct GlueIndex {
    /// `(code point, start in glues, count)`; `EMPTY` marks a free slot.
    slots: Vec<(u32, u16, u16)>,
    glues: Vec<Glue>,
    /// `glues` packed, where they fit (same indices).
    packed: Vec<Option<Packed>>,
    shift: u32,
    direct: Direct,
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
        let direct = Direct::new(&glues.iter().map(|g| &*g.symbol).collect::<Vec<_>>());
        let packed = glues.iter().map(Packed::of).collect();
        Self { slots, glues, packed, shift, direct }
    }

    /// The glue symbol at `bytes[at]`, a lead byte, when it is a lone one-character symbol
    /// with a short Python text (the common case, every default symbol); otherwise whether
    /// the full index (`get`) must be asked.
    #[inline(always)]
    pub(crate) fn lookup(&self, bytes: &[u8], at: usize) -> Lookup<'_> {
        match self.direct.get(bytes, at) {
            0 => Lookup::None,
            n => match self.packed.get(n - 1) {
                Some(Some(packed)) => Lookup::Symbol(packed),
                _ => Lookup::Slow,
            },
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
