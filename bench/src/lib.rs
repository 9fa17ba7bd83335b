//! Benchmarks of the φ ⇄ Python transpiler: a generator of realistic φ sources, timing
//! helpers, hardware baselines and the throughput table printed by `phicode-bench table`.

pub mod baseline;
mod generate;
pub mod inputs;
pub mod measure;
pub mod operation;
mod perfect_hash;
pub mod report;
mod rng;
pub mod size;
mod string_walk;
mod swap;
mod swap_unchecked;
pub mod table;
mod word_walk;

pub use generate::generate;
