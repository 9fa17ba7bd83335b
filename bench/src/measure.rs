//! Timing: each run repeats the work enough times to last a minimum duration, and the
//! median over runs is reported (robust to the other core being busy now and then).

use std::time::{Duration, Instant};

/// The timing of one operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Median time of one call.
    pub median: Duration,
    /// Runs measured.
    pub runs: usize,
    /// Calls per run.
    pub iterations: usize,
}

/// Times `work` over `runs` runs of at least `min_run` each (after one warm-up call) and
/// returns the median time per call.
pub fn measure(runs: usize, min_run: Duration, mut work: impl FnMut()) -> Sample {
    let start = Instant::now();
    work();
    let once = start.elapsed().max(Duration::from_nanos(1));
    let iterations = (min_run.as_nanos() / once.as_nanos()).clamp(1, 1 << 20) as usize;
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                work();
            }
            start.elapsed() / iterations as u32
        })
        .collect();
    times.sort();
    Sample { median: times[times.len() / 2], runs: times.len(), iterations }
}

/// Megabytes (10⁶ bytes) per second for `bytes` processed in `time`.
pub fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64().max(1e-12) / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_runs_and_rates() {
        let mut calls = 0;
        let sample = measure(5, Duration::from_micros(50), || {
            calls += 1;
            std::thread::sleep(Duration::from_micros(10));
        });
        assert_eq!(sample.runs, 5);
        assert_eq!(calls, 1 + 5 * sample.iterations);
        assert!(sample.median >= Duration::from_micros(10));
        assert!((mb_per_s(2_000_000, Duration::from_secs(2)) - 1.0).abs() < 1e-9);
    }
}
