//! The shapes handed to JS: positions flattened to `line`/`column`, a `kind` tag and the
//! message on every problem, and one serializer that makes plain objects (never `Map`s).

use phicode_core::{DialectIssue, LexError, Located, RoundTripError};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// A lexical problem of a source (`kind`: `unterminated_string`, ...).
#[derive(Serialize)]
pub(crate) struct Diagnostic {
    line: u32,
    column: u32,
    kind: LexError,
    message: String,
}

impl From<&Located<LexError>> for Diagnostic {
    fn from(d: &Located<LexError>) -> Self {
        Self {
            line: d.position.line,
            column: d.position.column,
            kind: d.error,
            message: d.error.to_string(),
        }
    }
}

/// A dialect entry that was dropped or refused, with the issue's own fields flattened in
/// (`kind`: `conflict`, `overlaps`, ..., plus `python`, `symbol`, `existing`, ...).
#[derive(Serialize)]
pub(crate) struct Issue<'a> {
    line: u32,
    column: u32,
    message: String,
    #[serde(flatten)]
    issue: &'a DialectIssue,
}

impl<'a> From<&'a Located<DialectIssue>> for Issue<'a> {
    fn from(d: &'a Located<DialectIssue>) -> Self {
        Self {
            line: d.position.line,
            column: d.position.column,
            message: d.error.to_string(),
            issue: &d.error,
        }
    }
}

/// A place where Python → φ would not round-trip.
#[derive(Serialize)]
pub(crate) struct Problem {
    line: u32,
    column: u32,
    kind: &'static str,
    message: String,
}

impl From<&Located<RoundTripError>> for Problem {
    fn from(d: &Located<RoundTripError>) -> Self {
        let kind = match d.error {
            RoundTripError::SymbolInName { .. } => "symbol_in_name",
            RoundTripError::SymbolInCode { .. } => "symbol_in_code",
            RoundTripError::DialectWordAsName { .. } => "dialect_word_as_name",
            RoundTripError::GluedWord { .. } => "glued_word",
        };
        Self {
            line: d.position.line,
            column: d.position.column,
            kind,
            message: d.error.to_string(),
        }
    }
}

/// Serializes `value` into plain JS objects and arrays.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(Into::into)
}
