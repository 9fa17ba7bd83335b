//! The throughput table: both conversions and the baselines, per input size.

use std::time::Duration;

use serde::Serialize;

use crate::inputs::{Inputs, TwinRejected};
use crate::measure::{Sample, mb_per_s, measure};
use crate::operation::Operation;

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
