//! wasm-bindgen bindings over `phicode-core` (the npm package `phicode`).
//!
//! A thin shell: each export reads its options, calls the core and hands back plain JS
//! values. Options come in through [`options`], tables are built (and cached) in [`table`],
//! results are shaped in [`convert`], [`dialect`] and [`symbols`], and every failure becomes
//! a JS `Error` carrying `line`/`column` in [`error`]. The TypeScript types are written by
//! hand in `npm/index.d.ts`, because wasm-bindgen can only say `any` for these values.

mod convert;
mod dialect;
mod error;
mod options;
mod output;
mod source;
mod symbols;
mod table;

use source::Form;
use wasm_bindgen::prelude::*;

/// φ → Python (`source`: a string, or UTF-8 bytes for bytes back): the code, the symbols used, diagnostics, dialect warnings and (with
/// `sourceMap`, on by default) the column map.
#[wasm_bindgen(js_name = toPython, skip_typescript)]
pub fn to_python(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_python(&source::Source::from_js(&source, Form::String)?, &options)
}

/// `toPython` with a string source's code as UTF-16 units, for Node (`api.js` makes the string).
#[wasm_bindgen(js_name = toPythonUtf16, skip_typescript)]
pub fn to_python_utf16(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_python(&source::Source::from_js(&source, Form::Utf16)?, &options)
}

/// Python → φ; throws an `Error` (with `line`, `column` and `problems`) when the source
/// would not come back byte for byte.
#[wasm_bindgen(js_name = toPhicode, skip_typescript)]
pub fn to_phicode(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_phicode(&source::Source::from_js(&source, Form::String)?, &options)
}

/// `toPhicode` with a string source's code as UTF-16 units, for Node.
#[wasm_bindgen(js_name = toPhicodeUtf16, skip_typescript)]
pub fn to_phicode_utf16(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    convert::to_phicode(&source::Source::from_js(&source, Form::Utf16)?, &options)
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
