//! `POST /execute`: one program, in a fresh worker from the pool at the server's level,
//! under the time, memory and output limits; the reference's answer shape.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use phicode_sessions::protocol::{Execute, Language};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::extract::JsonBody;
use crate::gather::{Gathered, gather};
use crate::state::AppState;

/// The language of the code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodeType {
    /// φ when it uses a symbol, Python otherwise.
    #[default]
    Auto,
    /// φ.
    Phicode,
    /// Python.
    Python,
}

impl From<CodeType> for Language {
    fn from(kind: CodeType) -> Self {
        match kind {
            CodeType::Auto => Language::Auto,
            CodeType::Phicode => Language::Phicode,
            CodeType::Python => Language::Python,
        }
    }
}

/// `POST /execute`'s body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecuteRequest {
    /// The program.
    pub code: String,
    /// Its language (default `auto`).
    #[serde(default, rename = "type")]
    pub kind: CodeType,
    /// Seconds it may run, at most the server's limit (which is also the default).
    #[serde(default)]
    #[schema(exclusive_minimum = 0.0, maximum = 86400.0)]
    pub timeout: Option<f64>,
}

/// How a run went, in the reference's shape plus what it lacks.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExecuteResponse {
    /// True when the program finished without an exception, within the limits.
    pub success: bool,
    /// What it wrote to stdout.
    pub output: String,
    /// The traceback, or which limit stopped it; null on success.
    pub error: Option<String>,
    /// Seconds it ran.
    pub execution_time: f64,
    /// What it wrote to stderr.
    pub stderr: String,
    /// The exception's class (`ZeroDivisionError`, `TimeLimit`, `OutputLimit`, ...).
    pub exception_type: Option<String>,
    /// `repr()` of the last expression's value, if it had one.
    pub result: Option<String>,
    /// The output went past the server's cap and was cut.
    pub truncated: bool,
    /// The level it ran at.
    pub level: String,
}

impl ExecuteResponse {
    /// The answer for `gathered`, run at `level` under `limit`.
    pub fn new(gathered: Gathered, level: &str, limit: Duration) -> Self {
        let success = gathered.succeeded();
        let (exception_type, error) = if gathered.timed_out {
            let why = format!("the time limit of {} s was reached", limit.as_secs_f64());
            (Some("TimeLimit".into()), Some(why))
        } else if gathered.truncated {
            (Some("OutputLimit".into()), Some("the output limit was reached".into()))
        } else {
            match &gathered.error {
                Some(e) => (Some(e.exception_type.clone()), Some(e.traceback.clone())),
                None => (None, None),
            }
        };
        Self {
            success,
            output: gathered.stdout,
            error,
            execution_time: gathered.elapsed,
            stderr: gathered.stderr,
            exception_type,
            result: gathered.result.and_then(|r| r.repr),
            truncated: gathered.truncated,
            level: level.into(),
        }
    }
}

/// The run's time limit: the request's, never over the server's.
pub fn time_limit(asked: Option<f64>, server: Duration) -> Result<Duration, ApiError> {
    match asked {
        None => Ok(server),
        Some(t) if t > 0.0 && t <= 86400.0 => Ok(server.min(Duration::from_secs_f64(t))),
        Some(_) => Err(ApiError::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
            "timeout must be more than 0 and at most 86400 seconds",
        )),
    }
}

/// Runs a program once.
#[utoipa::path(post, path = "/execute", tag = "reference", request_body = ExecuteRequest,
    responses(
        (status = 200, description = "It ran (see success)", body = ExecuteResponse),
        (status = 400, description = "Empty, non-UTF-8 or invalid JSON body", body = ErrorBody),
        (status = 408, description = "The body came too slowly", body = ErrorBody),
        (status = 413, description = "The body is over the limit", body = ErrorBody),
        (status = 422, description = "Wrong fields", body = ErrorBody),
        (status = 503, description = "No worker free in time (Retry-After)", body = ErrorBody),
    ))]
pub async fn execute(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<ExecuteRequest>,
) -> Result<Json<ExecuteResponse>, ApiError> {
    let limit = time_limit(request.timeout, state.config.exec_timeout)?;
    let pool = state.pool().await?;
    let session = pool.acquire().await.map_err(|e| ApiError::from_session(&e))?;
    let mut cell = Execute::new(request.code);
    cell.language = request.kind.into();
    cell.allow_stdin = false;
    cell.capture_source = false;
    let execution =
        session.execute_request(None, cell).await.map_err(|e| ApiError::from_session(&e))?;
    let gathered = gather(&session, execution, limit, state.config.max_output).await;
    // Dropping the pooled session ends its worker, whatever it was still doing.
    drop(session);
    Ok(Json(ExecuteResponse::new(gathered, state.config.level.as_str(), limit)))
}
