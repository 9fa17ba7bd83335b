//! `GET /symbols`: the default symbol table, serialized once at start.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

/// `GET /symbols`'s answer (documentation of `listing::json`'s shape).
#[derive(Debug, Serialize, ToSchema)]
pub struct Symbols {
    /// Always true.
    pub success: bool,
    /// Python word → the symbol written for it.
    pub python_to_phicode: BTreeMap<String, String>,
    /// Symbol → Python.
    pub phicode_to_python: BTreeMap<String, String>,
    /// How many symbols.
    pub symbol_count: u64,
    /// Each symbol in table order.
    pub symbols: Vec<SymbolEntry>,
}

/// One symbol.
#[derive(Debug, Serialize, ToSchema)]
pub struct SymbolEntry {
    /// The symbol.
    pub symbol: String,
    /// Its code points (`U+00BF`).
    pub codepoints: Vec<String>,
    /// The Python it stands for.
    pub python: String,
    /// `glue` (never glues into neighbours) or `word`.
    pub kind: String,
    /// `default` or `dialect`.
    pub origin: String,
}

/// The symbol table.
#[utoipa::path(get, path = "/symbols", tag = "reference",
    responses((status = 200, description = "The default table", body = Symbols)))]
pub async fn symbols(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        axum::body::Bytes::from_owner(state.symbols_json.clone()),
    )
}
