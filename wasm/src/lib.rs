//! wasm-bindgen bindings over `phicode-core` (the npm package `phicode`).
//!
//! A thin shell: each export reads its options, calls the core and hands back plain JS
//! values. Options come in through [`options`], tables are built (and cached) in [`table`],
//! results are shaped in [`convert`], [`dialect`] and [`symbols`], and every failure becomes
//! a JS `Error` carrying `line`/`column` in [`error`]. In Node, string sources and results
//! cross through wasm memory as UTF-16 ([`handoff`]) rather than as wasm-bindgen passes
//! strings. The TypeScript types are written by hand in `npm/types/index.d.ts`, because
//! wasm-bindgen can only say `any` for these values.

mod convert;
mod dialect;
mod error;
mod from_utf16;
mod handoff;
mod options;
mod output;
mod room;
mod source;
mod symbols;
mod table;
mod to_utf16;

use source::Source;
use wasm_bindgen::prelude::*;

/// φ → Python (`source`: a string, or UTF-8 bytes for bytes back): the code, the symbols
/// used, diagnostics, dialect warnings and (with `sourceMap`, on by default) the column map.
#[wasm_bindgen(js_name = toPython, skip_typescript)]
pub fn to_python(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_python(&Source::from_js(&source)?, &options)
}

/// `toPython` of the string source `api.js` wrote at `utf16Input` (`units` UTF-16 units),
/// for Node; the code comes back as UTF-16 units left in wasm memory (`api.js` makes the
/// string, then calls `releaseUtf16`).
#[wasm_bindgen(js_name = toPythonUtf16, skip_typescript)]
pub fn to_python_utf16(units: usize, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_python(&Source::from_utf16_input(units)?, &options)
}

/// Python → φ; throws an `Error` (with `line`, `column` and `problems`) when the source
/// would not come back byte for byte.
#[wasm_bindgen(js_name = toPhicode, skip_typescript)]
pub fn to_phicode(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_phicode(&Source::from_js(&source)?, &options)
}

/// `toPhicode` of a string source written at `utf16Input`, as `toPythonUtf16` does.
#[wasm_bindgen(js_name = toPhicodeUtf16, skip_typescript)]
pub fn to_phicode_utf16(units: usize, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_phicode(&Source::from_utf16_input(units)?, &options)
}

/// Reserves room in wasm memory for a string source of `units` UTF-16 units, which
/// `api.js` writes there before calling `toPythonUtf16`/`toPhicodeUtf16`: its byte offset.
#[wasm_bindgen(js_name = utf16Input, skip_typescript)]
pub fn utf16_input(units: usize) -> Result<usize, JsValue> {
    handoff::input(units)
}

/// Frees the UTF-16 units of the last `...Utf16` result, once `api.js` has read them.
#[wasm_bindgen(js_name = releaseUtf16, skip_typescript)]
pub fn release_utf16() {
    handoff::release();
}

/// The module's memory, where `api.js` reads the UTF-16 units of a `...Utf16` result.
#[wasm_bindgen(js_name = wasmMemory, skip_typescript)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Every entry of the table: the 48 defaults, then the dialect's accepted entries.
#[wasm_bindgen(skip_typescript)]
pub fn symbols(dialect: JsValue) -> Result<JsValue, JsValue> {
    symbols::list(&dialect)
}

/// Every issue of a dialect config (JSON syntax, conflicts, bad symbols) with its place.
#[wasm_bindgen(js_name = validateDialect, skip_typescript)]
pub fn validate_dialect(config: JsValue) -> Result<JsValue, JsValue> {
    dialect::validate(&config)
}

/// The version of the package and its core.
#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}
