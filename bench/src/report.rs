//! Renders measured rows as an aligned text table, with ratios to the baselines.

use std::fmt::Write;

use crate::operation::Operation;
use crate::size::label;
use crate::table::Row;

/// The text table: one block per size, ratios against the plain byte loop and memcpy.
pub fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8} {:<26} {:>11} {:>10} {:>10} {:>11} {:>9} {:>9}",
        "size", "operation", "input B", "MB/s", "Mchars/s", "median", "×loop", "×memcpy"
    );
    for row in rows {
        let baseline = |op: Operation| {
            rows.iter()
                .find(|r| r.size == row.size && r.operation == op)
                .map_or(f64::NAN, |r| row.mb_per_s / r.mb_per_s)
        };
        let _ = writeln!(
            out,
            "{:<8} {:<26} {:>11} {:>10.1} {:>10.1} {:>11} {:>9.2} {:>9.3}",
            label(row.size),
            row.operation.label(),
            row.input_bytes,
            row.mb_per_s,
            row.mchars_per_s,
            duration(row.median_ns),
            baseline(Operation::ByteLoop),
            baseline(Operation::Memcpy),
        );
    }
    out
}

fn duration(ns: f64) -> String {
    match ns {
        n if n >= 1e9 => format!("{:.2} s", n / 1e9),
        n if n >= 1e6 => format!("{:.2} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.2} µs", n / 1e3),
        n => format!("{n:.0} ns"),
    }
}
