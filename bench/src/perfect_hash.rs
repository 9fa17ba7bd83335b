//! Collision-free multiplicative hashing for the baselines' lookup tables, so that a lookup
//! is one probe and one compare.

/// Items placed so that every key has a slot of its own; key 0 marks a free slot.
pub(crate) struct PerfectHash<T> {
    pub(crate) slots: Vec<T>,
    multiplier: u64,
    shift: u32,
}

impl<T: Copy + Default> PerfectHash<T> {
    /// Places `items` (non-zero, distinct keys) with the first multiplier that separates
    /// them all; two empty slots, which every lookup misses, if none does.
    pub(crate) fn new(items: &[T], key: impl Fn(&T) -> u64) -> Self {
        for bits in 6..16 {
            for seed in 1..4096u64 {
                let multiplier = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
                let slots = vec![T::default(); 1 << bits];
                let mut hash = Self { slots, multiplier, shift: 64 - bits };
                if items.iter().all(|item| hash.place(*item, &key)) {
                    return hash;
                }
            }
        }
        Self { slots: vec![T::default(); 2], multiplier: 1, shift: 63 }
    }

    /// Puts `item` in its slot unless another item holds it.
    fn place(&mut self, item: T, key: impl Fn(&T) -> u64) -> bool {
        let at = self.index(key(&item));
        let free = key(&self.slots[at]) == 0;
        if free {
            self.slots[at] = item;
        }
        free
    }

    /// The slot for `key`: always within `slots`.
    #[inline(always)]
    pub(crate) fn index(&self, key: u64) -> usize {
        (key.wrapping_mul(self.multiplier) >> self.shift) as usize
    }

    /// The item in `key`'s slot (the caller compares keys).
    #[inline(always)]
    pub(crate) fn get(&self, key: u64) -> &T {
        &self.slots[self.index(key)]
    }
}
