//! Sessions: create (at a level within the server's), list, get, delete.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use phicode_security::Level;
use phicode_sessions::host::Session;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::extract::JsonBody;
use crate::live::Live;
use crate::state::AppState;
use crate::streamed::Question;

pub use super::kinds::{Durability, LevelName};

/// `POST /sessions`'s body (may be empty: `{}`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSession {
    /// Its level: the server's by default; higher than the server's is refused (403).
    #[serde(default)]
    pub level: Option<LevelName>,
    /// Its durability.
    #[serde(default)]
    pub durability: Durability,
}

/// A session as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionInfo {
    /// Always true.
    pub success: bool,
    /// Its id.
    pub id: String,
    /// Its level.
    pub level: String,
    /// Its durability.
    pub durability: Durability,
    /// When it was created (seconds since the Unix epoch).
    pub created: u64,
    /// Whether its worker runs.
    pub alive: bool,
    /// Executions started.
    pub executions: u64,
    /// Executions not finished.
    pub running: u64,
    /// The questions its code waits on.
    pub questions: Vec<Question>,
}

/// `GET /sessions`'s answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionList {
    /// Always true.
    pub success: bool,
    /// The sessions, oldest first.
    pub sessions: Vec<SessionInfo>,
}

/// A plain acknowledgement.
#[derive(Debug, Serialize, ToSchema)]
pub struct Done {
    /// Always true.
    pub success: bool,
}

fn describe(live: &Live) -> SessionInfo {
    SessionInfo {
        success: true,
        id: live.id.clone(),
        level: live.level.as_str().into(),
        durability: if live.durable.is_some() {
            Durability::Durable
        } else {
            Durability::Ephemeral
        },
        created: live.created,
        alive: live.session.is_alive(),
        executions: live.executions.load(Ordering::Acquire),
        running: *live.running.borrow() as u64,
        questions: live.questions(),
    }
}

/// Starts a session.
#[utoipa::path(post, path = "/sessions", tag = "sessions", request_body = CreateSession,
    responses(
        (status = 201, description = "Started", body = SessionInfo),
        (status = 400, description = "Empty, non-UTF-8 or invalid JSON body", body = ErrorBody),
        (status = 403, description = "A level above the server's, one it cannot run, or durability it does not offer", body = ErrorBody),
        (status = 422, description = "Wrong fields", body = ErrorBody),
        (status = 429, description = "All sessions in use (Retry-After)", body = ErrorBody),
        (status = 503, description = "The worker did not start", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<CreateSession>,
) -> Result<(StatusCode, Json<SessionInfo>), ApiError> {
    let level = request.level.map_or(state.config.level, Level::from);
    state.allows(level)?;
    let slot = state.sessions.reserve()?;
    let live = match request.durability {
        Durability::Ephemeral => {
            let session = Session::start(state.session_config(level))
                .await
                .map_err(|e| ApiError::from_session(&e))?;
            Live::new(session, level, slot)
        }
        Durability::Durable => {
            let folder = state.config.state_dir.as_deref().ok_or_else(|| {
                let message = "this server keeps no state folder, so no durable sessions";
                ApiError::forbidden("durability_unavailable", message)
            })?;
            let id = crate::stored::new_id();
            let durable = state.start_durable(level, &id, folder).await?;
            let live = Live::durable(durable, level, slot);
            crate::stored::save(folder, &id, &live.stored())
                .map_err(|e| ApiError::durable(&phicode_durable::DurableError::State(e)))?;
            live
        }
    };
    let live = Arc::new(live);
    state.sessions.insert(live.clone());
    tracing::info!(session = %live.id, %level, "session started");
    Ok((StatusCode::CREATED, Json(describe(&live))))
}

/// The sessions.
#[utoipa::path(get, path = "/sessions", tag = "sessions",
    responses((status = 200, description = "Every live session", body = SessionList)))]
pub async fn list(State(state): State<AppState>) -> Json<SessionList> {
    let sessions = state.sessions.list().iter().map(|l| describe(l)).collect();
    Json(SessionList { success: true, sessions })
}

/// One session.
#[utoipa::path(get, path = "/sessions/{id}", tag = "sessions", params(("id" = String, Path, description = "Session id")),
    responses((status = 200, description = "The session", body = SessionInfo),
        (status = 404, description = "No such session", body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SessionInfo>, ApiError> {
    let live = state.sessions.get(&id)?;
    Ok(Json(describe(&live)))
}

/// Ends a session (running code is stopped).
#[utoipa::path(delete, path = "/sessions/{id}", tag = "sessions", params(("id" = String, Path, description = "Session id")),
    responses((status = 200, description = "Ended", body = Done),
        (status = 404, description = "No such session", body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Done>, ApiError> {
    let live = state.sessions.remove(&id)?;
    live.delete(state.config.state_dir.as_deref()).await;
    Ok(Json(Done { success: true }))
}
