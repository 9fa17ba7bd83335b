//! The inputs of one benchmark size, and each timed operation performed on them.

use std::hint::black_box;

use phicode_core::{Options, SymbolTable, to_phicode, to_python, to_python_with};

use crate::baseline;
use crate::generate;
use crate::operation::Operation;
use crate::string_walk::string_walk;
use crate::swap::Swap;
use crate::word_walk::WordWalk;

/// The generated Python twin did not convert back to φ (a generator or core bug).
#[derive(Debug, thiserror::Error)]
#[error(
    "the Python twin of the {size}-byte input (seed {seed}) is refused by to_phicode: {detail}"
)]
pub struct TwinRejected {
    size: usize,
    seed: u64,
    detail: String,
}

/// One size's inputs: the φ source, its Python twin and the baselines' output buffers.
pub struct Inputs {
    /// The generated φ source.
    pub phi: String,
    /// `to_python` of it.
    pub python: String,
    copy: Vec<u8>,
    table: SymbolTable,
    swap: Swap,
    swapped: Vec<u8>,
    words: WordWalk,
}

impl Inputs {
    /// Generates the φ source of `size` bytes and its twin, which must convert back to φ.
    pub fn new(size: usize, seed: u64) -> Result<Self, TwinRejected> {
        let table = SymbolTable::new();
        let phi = generate(size, seed);
        let python = to_python(&phi, &table);
        if let Err(error) = to_phicode(&python, &table) {
            let detail = format!("{:?}", error.problems.first());
            return Err(TwinRejected { size, seed, detail });
        }
        let copy = vec![0u8; phi.len()];
        let swap = Swap::new(&table);
        let words = WordWalk::new(&table);
        Ok(Self { phi, python, copy, table, swap, swapped: Vec::new(), words })
    }

    /// The text `operation` reads.
    pub fn input(&self, operation: Operation) -> &str {
        if matches!(operation, Operation::ToPhicode | Operation::WordWalk) {
            &self.python
        } else {
            &self.phi
        }
    }

    /// Performs `operation` once, keeping the optimiser from skipping it.
    pub fn perform(&mut self, operation: Operation) {
        let (phi, python, table) = (black_box(&self.phi), black_box(&self.python), &self.table);
        match operation {
            Operation::ToPython => drop(black_box(to_python(phi, table))),
            Operation::ToPythonWithMap => {
                drop(black_box(to_python_with(phi, table, Options { source_map: true })));
            }
            Operation::ToPhicode => drop(black_box(to_phicode(python, table))),
            Operation::ByteSum => _ = black_box(baseline::byte_sum(phi.as_bytes())),
            Operation::ByteLoop => _ = black_box(baseline::byte_loop(phi.as_bytes())),
            Operation::EventWalk => _ = black_box(baseline::event_walk(phi.as_bytes())),
            Operation::SymbolSwap => {
                _ = black_box(self.swap.run(phi.as_bytes(), &mut self.swapped))
            }
            Operation::SymbolSwapUnchecked => {
                _ = black_box(self.swap.run_unchecked(phi.as_bytes(), &mut self.swapped))
            }
            Operation::WordWalk => _ = black_box(self.words.run(python.as_bytes())),
            Operation::StringWalk => _ = black_box(string_walk(phi.as_bytes())),
            Operation::Memcpy => baseline::memcpy(phi.as_bytes(), &mut self.copy),
        }
    }
}
