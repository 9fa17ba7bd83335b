//! Work in a session: execute (waiting for the end, or returning at once while events
//! stream), interrupt, checkpoint and restore.

use std::time::Duration;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use phicode_sessions::protocol::Execute;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::execute::{CodeType, ExecuteResponse, time_limit};
use super::sessions::Done;
use crate::error::{ApiError, ErrorBody};
use crate::extract::JsonBody;
use crate::state::AppState;

/// `POST /sessions/{id}/execute`'s body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionExecute {
    /// The cell.
    pub code: String,
    /// Its language (default `auto`).
    #[serde(default, rename = "type")]
    pub kind: CodeType,
    /// Seconds to wait before interrupting it (at most the server's limit).
    #[serde(default)]
    #[schema(exclusive_minimum = 0.0, maximum = 86400.0)]
    pub timeout: Option<f64>,
    /// Answer at once with the execution id (202); the events come over the session's
    /// WebSocket or SSE stream. Default: wait and answer like `/execute`.
    #[serde(default)]
    pub stream: bool,
}

/// The answer of a streamed execute.
#[derive(Debug, Serialize, ToSchema)]
pub struct Started {
    /// Always true.
    pub success: bool,
    /// The execution's id, as its events carry it.
    pub execution_id: String,
}

/// What a checkpoint holds (the bytes stay on the server, for `restore`: in memory for an
/// ephemeral session, in its state folder for a durable one).
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckpointInfo {
    /// Always true.
    pub success: bool,
    /// Names saved.
    pub namespace_size: u64,
    /// Its size in bytes.
    pub checkpoint_size: u64,
    /// Names that could not be saved.
    pub skipped: Vec<String>,
}

/// Runs a cell in the session.
#[utoipa::path(post, path = "/sessions/{id}/execute", tag = "sessions", request_body = SessionExecute,
    params(("id" = String, Path, description = "Session id")),
    responses(
        (status = 200, description = "It ran (see success)", body = ExecuteResponse),
        (status = 202, description = "Started; events on the stream", body = Started),
        (status = 400, description = "Empty, non-UTF-8 or invalid JSON body", body = ErrorBody),
        (status = 404, description = "No such session", body = ErrorBody),
        (status = 422, description = "Wrong fields", body = ErrorBody),
        (status = 503, description = "The worker is gone", body = ErrorBody),
    ))]
pub async fn execute(
    State(state): State<AppState>,
    Path(id): Path<String>,
    JsonBody(request): JsonBody<SessionExecute>,
) -> Result<Response, ApiError> {
    let limit = time_limit(request.timeout, state.config.exec_timeout)?;
    let live = state.sessions.get(&id)?;
    let mut cell = Execute::new(request.code);
    cell.language = request.kind.into();
    let (execution_id, done) = live.start(cell, state.config.max_output).await?;
    if request.stream {
        let body = Started { success: true, execution_id };
        return Ok((StatusCode::ACCEPTED, Json(body)).into_response());
    }
    let mut done = done;
    let (gathered, timed_out) = match tokio::time::timeout(limit, &mut done).await {
        Ok(gathered) => (gathered, false),
        Err(_) => {
            // The session lives on: the cell is interrupted, not the worker killed.
            let _ = live.session.interrupt(Some(&execution_id)).await;
            (
                tokio::time::timeout(Duration::from_secs(5), done)
                    .await
                    .unwrap_or(Ok(Default::default())),
                true,
            )
        }
    };
    let mut gathered = gathered.unwrap_or_default();
    gathered.timed_out |= timed_out;
    Ok(Json(ExecuteResponse::new(gathered, live.level.as_str(), limit)).into_response())
}

/// KeyboardInterrupt in whatever the session runs.
#[utoipa::path(post, path = "/sessions/{id}/interrupt", tag = "sessions",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 200, description = "Sent", body = Done),
        (status = 404, description = "No such session", body = ErrorBody),
        (status = 503, description = "The worker is gone", body = ErrorBody)))]
pub async fn interrupt(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Done>, ApiError> {
    let live = state.sessions.get(&id)?;
    live.session.interrupt(None).await.map_err(|e| ApiError::from_session(&e))?;
    Ok(Json(Done { success: true }))
}

/// Saves the session's names (kept on the server for `restore`).
#[utoipa::path(post, path = "/sessions/{id}/checkpoint", tag = "sessions",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 200, description = "Saved", body = CheckpointInfo),
        (status = 404, description = "No such session", body = ErrorBody),
        (status = 503, description = "The worker is gone", body = ErrorBody)))]
pub async fn checkpoint(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CheckpointInfo>, ApiError> {
    let kept = state.sessions.get(&id)?.checkpoint().await?;
    let info = CheckpointInfo {
        success: true,
        namespace_size: kept.names,
        checkpoint_size: kept.bytes,
        skipped: kept.skipped,
    };
    Ok(Json(info))
}

/// Puts the names of the latest checkpoint back (others are kept).
#[utoipa::path(post, path = "/sessions/{id}/restore", tag = "sessions",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 200, description = "Restored", body = Done),
        (status = 404, description = "No such session", body = ErrorBody),
        (status = 409, description = "No checkpoint taken yet", body = ErrorBody),
        (status = 503, description = "The worker is gone", body = ErrorBody)))]
pub async fn restore(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Done>, ApiError> {
    state.sessions.get(&id)?.restore().await?;
    Ok(Json(Done { success: true }))
}
