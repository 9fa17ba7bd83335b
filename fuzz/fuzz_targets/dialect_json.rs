//! Dialect configs from any text; a config that builds is then used in both directions on
//! the text after its first NUL byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phicode_core::{Dialect, Strictness};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config, source) = text.split_once('\0').unwrap_or((&text, "si x: imprimir(x)\n"));
    let Ok(dialect) = Dialect::from_json(config) else {
        return;
    };
    let strict = dialect.build(Strictness::Strict);
    let Ok(built) = dialect.build(Strictness::Lenient) else {
        panic!("lenient build refused a dialect");
    };
    if let Ok(strict) = strict {
        assert!(built.warnings.is_empty());
        assert_eq!(strict.table.entries(), built.table.entries());
    }
    phicode_fuzz::python_direction(source, &built.table);
    phicode_fuzz::phicode_direction(source, &built.table);
});
