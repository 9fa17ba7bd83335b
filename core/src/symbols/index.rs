//! Hashing helpers shared by the symbol indexes.

/// Bits of a table at most a quarter full, and never fewer than 64 slots.
pub(super) fn table_bits(items: usize) -> u32 {
    (items.max(16) * 4).next_power_of_two().trailing_zeros()
}

#[inline]
pub(super) fn hash_u32(cp: u32, shift: u32) -> usize {
    (cp.wrapping_mul(0x9E37_79B1) >> shift) as usize
}
