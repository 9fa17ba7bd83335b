//! The symbol swap with nothing but the work itself: no bounds checks, and no branch that
//! depends on the text except a gap of more than 64 bytes. Lead bytes are listed first, a
//! 4 KiB chunk at a time (eight unconditional writes per 64-byte block, as simdjson
//! flattens its bitmaps), then swapped; a character that is not a symbol is copied as
//! itself, chosen with `select_unpredictable`, since a branch on it mispredicts every few
//! symbols. This is the fastest per-symbol loop found for this machine, so its speed is the
//! ceiling the bench reports for any φ → Python converter, which must also lex.

// Raw reads and writes; the bounds are argued once, in `run_unchecked`.
#![allow(unsafe_code)]

use std::hint::select_unpredictable;

use crate::baseline::flags;
use crate::swap::{IDENT, Swap};

/// Bytes whose lead bytes are listed at once: small enough for the list to stay in L1.
const CHUNK: usize = 4096;

impl Swap {
    /// Writes `src` with every symbol swapped into `out`, as [`Swap::run`] does (the last
    /// 64 to 127 bytes are copied as they are); returns the output length.
    pub fn run_unchecked(&self, src: &[u8], out: &mut Vec<u8>) -> usize {
        out.clear();
        // A symbol of 2 bytes becomes at most 16 (14 of text, two spaces), and every write
        // below runs at most 64 bytes past the output so far.
        out.reserve(src.len() * 9 + 128);
        // Whole blocks that leave 64 bytes after them.
        let end = src.len().saturating_sub(64) / 64 * 64;
        let mut leads = vec![0u32; CHUNK + 64];
        let (sp, op) = (src.as_ptr(), out.as_mut_ptr());
        let (mut o, mut copied, mut base, mut last_word_end) = (0usize, 0usize, 0, false);
        while base < end {
            let stop = (base + CHUNK).min(end);
            let count = list_leads(src, base, stop, &mut leads);
            for &offset in leads.iter().take(count) {
                let at = base + offset as usize;
                let gap = at - copied;
                // SAFETY: `copied <= at < end <= src.len() - 64`, so every read of the source
                // below (64 bytes at `copied`, 16 or 4 at `at`, one just before or after the
                // character) is in bounds. The output grows by at most 8 bytes per source
                // byte consumed, so `o + 64` stays within the capacity reserved above. The
                // hash's `index` is always within its slots.
                unsafe {
                    op.add(o).copy_from_nonoverlapping(sp.add(copied), 64);
                    if gap > 64 {
                        op.add(o + 64).copy_from_nonoverlapping(sp.add(copied + 64), gap - 64);
                    }
                    o += gap;
                    let lead = *sp.add(at);
                    let char_len = lead.leading_ones().min(4) as usize;
                    let word = sp.add(at).cast::<u32>().read_unaligned();
                    let key = word & (u32::MAX >> (8 * (4 - char_len)));
                    let slot = self.hash.slots.get_unchecked(self.hash.index(u64::from(key)));
                    let hit = slot.key == key;
                    let text = select_unpredictable(hit, slot.text.as_ptr(), sp.add(at));
                    let len = select_unpredictable(hit, usize::from(slot.text_len), char_len);
                    let (word_start, word_end) = (hit & slot.word_start, hit & slot.word_end);
                    // The byte before comes from the source, not from what was just stored;
                    // a symbol glued before this one says through `last_word_end`.
                    let before = IDENT[usize::from(*sp.add(at.saturating_sub(1)))];
                    let name_before = select_unpredictable(gap > 0, before, last_word_end);
                    *op.add(o) = b' ';
                    o += usize::from(word_start & name_before);
                    op.add(o).copy_from_nonoverlapping(text, 16);
                    o += len;
                    copied = at + char_len;
                    let after = word_end & IDENT[usize::from(*sp.add(copied))];
                    last_word_end = word_end & !after;
                    *op.add(o) = b' ';
                    o += usize::from(after);
                }
            }
            base = stop;
        }
        let rest = src.len() - copied;
        // SAFETY: the rest of the source fits, as above; every byte below `o + rest` was
        // written (gaps, texts and spaces counted only once written).
        unsafe {
            op.add(o).copy_from_nonoverlapping(sp.add(copied), rest);
            out.set_len(o + rest);
        }
        out.len()
    }
}

/// Lists the offsets (from `base`) of the lead bytes in `src[base..stop]` into `leads`;
/// returns how many there are. `stop - base` is a multiple of 64, at most `CHUNK`.
#[inline(always)]
fn list_leads(src: &[u8], base: usize, stop: usize, leads: &mut [u32]) -> usize {
    let mut count = 0;
    for block in (base..stop).step_by(64) {
        let mut bits = flags(&src[block..block + 64], |b| b >= 0xC0);
        let offset = (block - base) as u32;
        let n = bits.count_ones() as usize;
        // Eight writes whatever the count (most blocks have fewer): no branch per lead.
        for slot in &mut leads[count..count + 8] {
            *slot = offset + bits.trailing_zeros();
            bits &= bits.wrapping_sub(1);
        }
        for slot in &mut leads[count + 8..count + n.max(8)] {
            *slot = offset + bits.trailing_zeros();
            bits &= bits.wrapping_sub(1);
        }
        count += n;
    }
    count
}

#[cfg(test)]
mod tests {
    use phicode_core::SymbolTable;

    use crate::generate;
    use crate::swap::Swap;

    #[test]
    fn agrees_with_the_checked_swap_on_generated_and_edge_inputs() {
        let swap = Swap::new(&SymbolTable::new());
        let generated = generate(200_000, 3);
        let glued = "¬∈x∈xs∧¬y größe∈é🎉∀".repeat(40);
        for text in [generated.as_str(), &glued, "", "∀", &"x".repeat(300)] {
            let (mut checked, mut unchecked) = (Vec::new(), Vec::new());
            swap.run(text.as_bytes(), &mut checked);
            swap.run_unchecked(text.as_bytes(), &mut unchecked);
            assert_eq!(String::from_utf8_lossy(&unchecked), String::from_utf8_lossy(&checked));
        }
    }
}
