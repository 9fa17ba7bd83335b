//! The `options` argument of the conversions: `{dialect?, strict?, sourceMap?}`.

use js_sys::JSON;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::type_error;

/// The option names; anything else is a typo worth an error, not a silent default.
const KNOWN: [&str; 3] = ["dialect", "strict", "sourceMap"];

/// Options as the JS caller wrote them, before the dialect is read.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Raw {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    dialect: JsValue,
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    source_map: Option<bool>,
}

/// Options of a conversion, checked.
pub(crate) struct Options {
    /// The dialect config as JSON text, if any.
    pub(crate) dialect: Option<String>,
    /// Refuse a dialect with any issue instead of dropping the bad entries.
    pub(crate) strict: bool,
    /// Build the column map (on unless `sourceMap: false`).
    pub(crate) source_map: bool,
}

impl Options {
    /// Reads `options` (`undefined`, `null` or an object).
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, JsValue> {
        let raw: Raw = if options.is_undefined() || options.is_null() {
            Raw::default()
        } else {
            if let Some(object) = options.dyn_ref::<js_sys::Object>() {
                for key in js_sys::Object::keys(object).iter() {
                    let key = key.as_string().unwrap_or_default();
                    if !KNOWN.contains(&key.as_str()) {
                        return Err(type_error(&format!(
                            "phicode options: unknown option `{key}`, expected one of {}",
                            KNOWN.join(", ")
                        )));
                    }
                }
            }
            serde_wasm_bindgen::from_value(options.clone())
                .map_err(|e| type_error(&format!("phicode options: {e}")))?
        };
        Ok(Self {
            dialect: dialect_text(&raw.dialect)?,
            strict: raw.strict,
            source_map: raw.source_map.unwrap_or(true),
        })
    }
}

/// A dialect given as JSON text, or as an object (read as `JSON.stringify(object, null, 2)`,
/// so positions in messages refer to that layout).
pub(crate) fn dialect_text(dialect: &JsValue) -> Result<Option<String>, JsValue> {
    if dialect.is_undefined() || dialect.is_null() {
        return Ok(None);
    }
    if let Some(text) = dialect.as_string() {
        return Ok(Some(text));
    }
    if dialect.is_object() && !dialect.is_function() {
        let text = JSON::stringify_with_replacer_and_space(dialect, &JsValue::NULL, &2.into())?;
        if let Some(text) = text.dyn_ref::<js_sys::JsString>() {
            return Ok(Some(String::from(text)));
        }
    }
    Err(type_error("phicode: a dialect is JSON text or an object like {symbols: {if: \"si\"}}"))
}
