//! Criterion benchmarks: both conversions and the baselines on generated φ sources of
//! 10 KB, 1 MB and 10 MB (the Python twin for Python → φ).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use phicode_bench::{baseline, generate, size::label};
use phicode_core::{SymbolTable, to_phicode, to_python};

const SIZES: [usize; 3] = [10_000, 1_000_000, 10_000_000];

fn throughput(c: &mut Criterion) {
    let table = SymbolTable::new();
    for size in SIZES {
        let phi = generate(size, 1);
        let python = to_python(&phi, &table);
        let mut group = c.benchmark_group(label(size).replace(' ', ""));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        group.throughput(Throughput::BytesDecimal(phi.len() as u64));
        group.bench_function("to_python", |b| b.iter(|| to_python(black_box(&phi), &table)));
        group.bench_function("byte_loop", |b| {
            b.iter(|| baseline::byte_loop(black_box(phi.as_bytes())))
        });
        group.bench_function("event_walk", |b| {
            b.iter(|| baseline::event_walk(black_box(phi.as_bytes())))
        });
        group.bench_function("byte_sum", |b| {
            b.iter(|| baseline::byte_sum(black_box(phi.as_bytes())))
        });
        let mut copy = vec![0u8; phi.len()];
        group.bench_function("memcpy", |b| b.iter(|| baseline::memcpy(phi.as_bytes(), &mut copy)));
        group.throughput(Throughput::BytesDecimal(python.len() as u64));
        group.bench_function("to_phicode", |b| b.iter(|| to_phicode(black_box(&python), &table)));
        group.finish();
    }
}

criterion_group!(benches, throughput);
criterion_main!(benches);
