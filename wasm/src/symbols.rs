//! The table's entries for palettes and input methods: `{symbol, python, kind, origin}`.

use wasm_bindgen::JsValue;

use crate::options::dialect_text;
use crate::output::to_js;
use crate::table;

/// The entries of the default table, or of the defaults plus a dialect (lenient: entries
/// with issues are left out, as conversions would leave them).
pub(crate) fn list(dialect: &JsValue) -> Result<JsValue, JsValue> {
    let text = dialect_text(dialect)?;
    let table = table::get(text.as_deref(), false)?;
    to_js(table.table.entries())
}
