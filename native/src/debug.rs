//! `--debug`: phase timings and cache events on stderr, and nothing at all without it.

use std::time::{Duration, Instant};

/// Where `--debug` output goes, and the clock it measures phases with.
#[derive(Debug, Clone, Copy)]
pub struct Debug {
    enabled: bool,
    started: Instant,
}

impl Debug {
    /// A debug log that prints only when `enabled`; timings count from now.
    pub fn new(enabled: bool) -> Self {
        Self { enabled, started: Instant::now() }
    }

    /// Whether messages are printed.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Prints `phicode: debug: MESSAGE` when enabled.
    pub fn note(&self, message: impl FnOnce() -> String) {
        if self.enabled {
            eprintln!("phicode: debug: {}", message());
        }
    }

    /// Prints a phase's duration and the time since start.
    pub fn phase(&self, name: &str, took: Duration) {
        self.note(|| format!("{name}: {} (at {})", ms(took), ms(self.started.elapsed())));
    }
}

/// A duration as milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
