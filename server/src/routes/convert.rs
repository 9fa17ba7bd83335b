//! `POST /convert`: φ → Python or Python → φ, with the dialect in the body and every problem
//! at its line and column.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use phicode_core::{
    Dialect, Options, Position, Strictness, SymbolTable, to_phicode_with, to_python_with,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorBody;
use crate::extract::JsonBody;
use crate::state::AppState;

/// Which language to produce.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// φ → Python.
    #[default]
    Python,
    /// Python → φ.
    Phicode,
}

/// `POST /convert`'s body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConvertRequest {
    /// The source.
    pub code: String,
    /// What to produce (default `python`).
    #[serde(default)]
    pub target: Target,
    /// Extra `"python word": "symbol"` entries on top of the defaults (a config's
    /// `symbols`), e.g. `{"if": "si"}`.
    #[serde(default)]
    pub dialect: Option<BTreeMap<String, String>>,
    /// Refuse the dialect when an entry is invalid (default: drop it with a warning).
    #[serde(default)]
    pub strict: bool,
}

/// A problem at a place in the source.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

/// `POST /convert`'s answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConvertResponse {
    /// Always true here.
    pub success: bool,
    /// The converted source.
    pub converted: String,
    /// The symbols that were replaced (φ → Python) or written (Python → φ), in table order.
    pub symbols_used: Vec<String>,
    /// What was produced.
    pub target: Target,
    /// Lexical problems (unterminated strings): the output is still complete.
    pub problems: Vec<Problem>,
    /// Dialect entries dropped, and why.
    pub dialect_warnings: Vec<String>,
}

/// `POST /convert`'s refusal: Python that would not come back byte for byte, or a dialect
/// refused in strict mode.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConvertFailure {
    /// Always false.
    pub success: bool,
    /// What went wrong.
    pub error: String,
    /// `not_convertible` or `invalid_dialect`.
    pub code: String,
    /// Each place (or dialect entry, at line 1) that is wrong; absent when the body itself
    /// did not fit (`invalid_request`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

fn problem(position: Position, message: String) -> Problem {
    Problem { line: position.line, column: position.column, message }
}

fn refuse(code: &str, error: String, problems: Vec<Problem>) -> Response {
    let body = ConvertFailure { success: false, error, code: code.into(), problems };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// Converts the code.
#[utoipa::path(post, path = "/convert", tag = "reference", request_body = ConvertRequest,
    responses(
        (status = 200, description = "Converted", body = ConvertResponse),
        (status = 400, description = "Empty, non-UTF-8 or invalid JSON body", body = ErrorBody),
        (status = 408, description = "The body came too slowly", body = ErrorBody),
        (status = 413, description = "The body is over the limit", body = ErrorBody),
        (status = 422, description = "Wrong fields, or code that cannot be converted", body = ConvertFailure),
    ))]
pub async fn convert(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<ConvertRequest>,
) -> Response {
    let mut dialect_warnings = Vec::new();
    let table: Arc<SymbolTable> = match &request.dialect {
        None => state.table.clone(),
        Some(entries) => {
            let dialect =
                Dialect::from_pairs(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let strictness = if request.strict { Strictness::Strict } else { Strictness::Lenient };
            match dialect.build(strictness) {
                Ok(built) => {
                    dialect_warnings = built.warnings.iter().map(|w| w.error.to_string()).collect();
                    Arc::new(built.table)
                }
                Err(e) => {
                    let problems =
                        e.issues.iter().map(|i| problem(i.position, i.error.to_string())).collect();
                    return refuse("invalid_dialect", e.to_string(), problems);
                }
            }
        }
    };
    let conversion = match request.target {
        Target::Python => to_python_with(&request.code, &table, Options::default()),
        Target::Phicode => match to_phicode_with(&request.code, &table, Options::default()) {
            Ok(conversion) => conversion,
            Err(e) => {
                let problems =
                    e.problems.iter().map(|p| problem(p.position, p.error.to_string())).collect();
                return refuse("not_convertible", e.to_string(), problems);
            }
        },
    };
    let mut used = conversion.symbols_used;
    used.sort_unstable();
    used.dedup();
    let symbols_used =
        used.iter().filter_map(|&i| table.entry(i)).map(|e| e.symbol.clone()).collect();
    let problems =
        conversion.diagnostics.iter().map(|d| problem(d.position, d.error.to_string())).collect();
    Json(ConvertResponse {
        success: true,
        converted: conversion.code,
        symbols_used,
        target: request.target,
        problems,
        dialect_warnings,
    })
    .into_response()
}
