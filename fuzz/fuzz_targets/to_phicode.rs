//! Python → φ on any text: a refusal, or φ that converts back to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phicode_core::SymbolTable;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    phicode_fuzz::phicode_direction(&src, &SymbolTable::new());
});
