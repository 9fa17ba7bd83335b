//! Generated φ sources for benchmarks.
