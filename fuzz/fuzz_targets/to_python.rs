//! φ → Python (with column map and its queries) on any text, then back to φ and to Python;
//! the fast path and the general lexer agree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phicode_core::SymbolTable;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    phicode_fuzz::python_direction(&src, &SymbolTable::new());
    phicode_fuzz::fast_path_agrees(&src);
});
