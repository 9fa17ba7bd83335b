//! The throughput table: both conversions and the baselines, per input size.

use std::time::Duration;

use serde::Serialize;

use crate::inputs::{Inputs, TwinRejected};
use crate::measure::{Sample, mb_per_s, measure};

/// What is timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// `to_python` on the φ input.
    ToPython,
    /// `to_python_with` and a column map, on the φ input.
    ToPythonWithMap,
    /// `to_phicode` on the Python twin.
    ToPhicode,
    /// Vectorised sum of the φ input's bytes.
    ByteSum,
    /// Serial byte-at-a-time loop over the φ input.
    ByteLoop,
    /// Visiting every quote, `#` and non-ASCII character of the φ input, doing nothing.
    EventWalk,
    /// Swapping every symbol of the φ input with no lexing: the least per-symbol work.
    SymbolSwap,
    /// The symbol swap without bounds checks or text-dependent branches: the ceiling.
    SymbolSwapUnchecked,
    /// Looking up every identifier of the Python twin in the mapped words, doing nothing else.
    WordWalk,
    /// Finding and stepping over every string and comment of the φ input, doing nothing else.
    StringWalk,
    /// Copy of the φ input.
    Memcpy,
}

impl Operation {
    /// Every operation, in table order.
    pub const ALL: [Self; 11] = [
        Self::ToPython,
        Self::ToPythonWithMap,
        Self::ToPhicode,
        Self::ByteSum,
        Self::ByteLoop,
        Self::EventWalk,
        Self::SymbolSwap,
        Self::SymbolSwapUnchecked,
        Self::WordWalk,
        Self::StringWalk,
        Self::Memcpy,
    ];

    /// The row's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::ToPython => "φ → Python",
            Self::ToPythonWithMap => "φ → Python + column map",
            Self::ToPhicode => "Python → φ",
            Self::ByteSum => "baseline: byte sum (SIMD)",
            Self::ByteLoop => "baseline: plain byte loop",
            Self::EventWalk => "baseline: event walk",
            Self::SymbolSwap => "baseline: symbol swap",
            Self::SymbolSwapUnchecked => "baseline: unchecked swap",
            Self::WordWalk => "baseline: word walk (Py)",
            Self::StringWalk => "baseline: string walk",
            Self::Memcpy => "baseline: memcpy",
        }
    }
}

/// One measured row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Requested size of the φ input, in bytes.
    pub size: usize,
    /// What was timed.
    pub operation: Operation,
    /// Bytes of the operation's input (the Python twin for `to_phicode`).
    pub input_bytes: usize,
    /// Characters of that input.
    pub input_chars: usize,
    /// Median nanoseconds per call.
    pub median_ns: f64,
    /// Runs and calls per run behind the median.
    pub runs: usize,
    /// Calls per run.
    pub iterations: usize,
    /// Throughput in 10⁶ bytes per second.
    pub mb_per_s: f64,
    /// Throughput in 10⁶ characters per second.
    pub mchars_per_s: f64,
}

/// What to measure.
#[derive(Debug, Clone)]
pub struct Config {
    /// φ input sizes in bytes.
    pub sizes: Vec<usize>,
    /// Generator seed.
    pub seed: u64,
    /// Runs per median.
    pub runs: usize,
    /// Minimum duration of one run.
    pub min_run: Duration,
}

/// Measures every operation for every size.
pub fn run(config: &Config) -> Result<Vec<Row>, TwinRejected> {
    let mut rows = Vec::new();
    for &size in &config.sizes {
        let mut inputs = Inputs::new(size, config.seed)?;
        for operation in Operation::ALL {
            let sample = measure(config.runs, config.min_run, || inputs.perform(operation));
            rows.push(row(size, operation, inputs.input(operation), sample));
        }
    }
    Ok(rows)
}

fn row(size: usize, operation: Operation, input: &str, sample: Sample) -> Row {
    let chars = input.chars().count();
    Row {
        size,
        operation,
        input_bytes: input.len(),
        input_chars: chars,
        median_ns: sample.median.as_secs_f64() * 1e9,
        runs: sample.runs,
        iterations: sample.iterations,
        mb_per_s: mb_per_s(input.len(), sample.median),
        mchars_per_s: mb_per_s(chars, sample.median),
    }
}
