//! Checking a dialect config without converting anything: every issue with its place, for
//! editors that show conflicts while the config is typed.

use phicode_core::{Dialect, Entry, Strictness};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::error::type_error;
use crate::options::dialect_text;
use crate::output::{Issue, to_js};

#[derive(Serialize)]
struct Report<'a, I: Serialize> {
    valid: bool,
    issues: Vec<I>,
    symbols: &'a [Entry],
}

/// The config could not be read as JSON: one issue, at the parser's stop.
#[derive(Serialize)]
struct JsonIssue {
    line: u32,
    column: u32,
    kind: &'static str,
    message: String,
}

/// `{valid, issues, symbols}` for a config (JSON text or object); `symbols` is the table the
/// config gives in lenient mode (the defaults alone when the JSON is malformed).
pub(crate) fn validate(config: &JsValue) -> Result<JsValue, JsValue> {
    let text = dialect_text(config)?.ok_or_else(|| type_error("phicode: no dialect config"))?;
    match Dialect::from_json(&text) {
        Err(e) => to_js(&Report {
            valid: false,
            issues: vec![JsonIssue {
                line: e.position.line,
                column: e.position.column,
                kind: "json",
                message: e.message,
            }],
            symbols: phicode_core::SymbolTable::new().entries(),
        }),
        Ok(dialect) => {
            let built =
                dialect.build(Strictness::Lenient).map_err(|e| type_error(&e.to_string()))?;
            to_js(&Report {
                valid: built.warnings.is_empty(),
                issues: built.warnings.iter().map(Issue::from).collect::<Vec<_>>(),
                symbols: built.table.entries(),
            })
        }
    }
}
