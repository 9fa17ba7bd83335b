//! The compiled-module cache: an entry is written on the first start, used on the next,
//! and a damaged entry is rebuilt, never loaded.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use phicode_sandbox::cache::Source;
use phicode_sandbox::guest::runtime::Runtime;

fn entries(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir).map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().path()).collect())
}

#[test]
fn an_entry_is_made_reused_and_rebuilt_when_damaged() {
    let wasm = common::python_wasm();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("wasm");

    let first = Runtime::load(&wasm, Some(&cache)).unwrap();
    assert_eq!(first.loaded.0, Source::Compiled);
    let made = entries(&cache);
    assert_eq!(made.len(), 1, "one entry, no temporary files left: {made:?}");
    let entry = made[0].clone();
    assert!(entry.extension().is_some_and(|e| e == "cwasm"));
    let written = std::fs::read(&entry).unwrap();

    let second = Runtime::load(&wasm, Some(&cache)).unwrap();
    assert_eq!(second.loaded.0, Source::Cached);

    // One flipped byte in the compiled code: the checksum catches it.
    let mut damaged = written.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0xff;
    std::fs::write(&entry, &damaged).unwrap();
    let third = Runtime::load(&wasm, Some(&cache)).unwrap();
    assert_eq!(third.loaded.0, Source::Compiled);
    assert_eq!(std::fs::read(&entry).unwrap(), written, "the entry was rewritten whole");

    // A torn entry (cut short): rebuilt too.
    std::fs::write(&entry, &written[..written.len() / 3]).unwrap();
    assert_eq!(Runtime::load(&wasm, Some(&cache)).unwrap().loaded.0, Source::Compiled);
    assert_eq!(Runtime::load(&wasm, Some(&cache)).unwrap().loaded.0, Source::Cached);
    assert_eq!(entries(&cache).len(), 1);
}

#[test]
fn an_unwritable_cache_only_costs_speed() {
    let wasm = common::python_wasm();
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "not a folder").unwrap();
    let runtime = Runtime::load(&wasm, Some(&blocked.join("wasm"))).unwrap();
    assert_eq!(runtime.loaded.0, Source::Compiled);
}
