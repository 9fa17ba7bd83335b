//! The questions sessions wait on (`input()`, `approve()`), listed and settled by id: those
//! of this server's sessions, and those of the durable sessions on this machine (through
//! their control sockets, as `phicode promise` does).

use axum::Json;
use axum::extract::{Path, State};
use phicode_durable::control::{Request, Response, hosts};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::sessions::Done;
use crate::error::{ApiError, ErrorBody};
use crate::extract::JsonBody;
use crate::settle::Settlement;
use crate::state::AppState;
use crate::streamed::Question;

/// `GET /promises`'s answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Promises {
    /// Always true.
    pub success: bool,
    /// The open questions.
    pub promises: Vec<Question>,
}

/// `POST /promises/{id}/resolve`'s body.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolve {
    /// The line for `input()` (default empty); ignored by `approve()`, which returns True.
    #[serde(default)]
    pub value: String,
}

/// The open questions of the local durable sessions (blocking socket I/O).
fn local_questions() -> Vec<Question> {
    let mut found = Vec::new();
    for host in hosts() {
        if let Ok(Response::Open { session, questions }) = host.ask(&Request::List) {
            found.extend(questions.into_iter().map(|q| Question {
                promise_id: q.id,
                kind: q.kind,
                prompt: q.prompt,
                session_id: session.clone(),
                execution_id: None,
                source: "local".into(),
            }));
        }
    }
    found
}

/// Every open question.
#[utoipa::path(get, path = "/promises", tag = "promises",
    responses((status = 200, description = "The open questions", body = Promises)))]
pub async fn list(State(state): State<AppState>) -> Json<Promises> {
    let sessions = state.sessions.list();
    let mut promises: Vec<Question> = sessions.iter().flat_map(|l| l.questions()).collect();
    let local = tokio::task::spawn_blocking(local_questions).await.unwrap_or_default();
    // This server's durable sessions answer on control sockets too: listed once, above.
    let ours = |q: &Question| sessions.iter().any(|l| l.id == q.session_id);
    promises.extend(local.into_iter().filter(|q| !ours(q)));
    Json(Promises { success: true, promises })
}

async fn settle(state: &AppState, id: String, how: Settlement) -> Result<Json<Done>, ApiError> {
    if let Some(live) = state.sessions.asker(&id) {
        live.settle(&id, how).await?;
        return Ok(Json(Done { success: true }));
    }
    let request = match how {
        Settlement::Resolve(value) => Request::Resolve { id: id.clone(), value },
        Settlement::Reject => Request::Reject { id: id.clone() },
    };
    let answer = tokio::task::spawn_blocking(move || {
        hosts().into_iter().find_map(|host| match host.ask(&request) {
            Ok(found @ (Response::Settled | Response::Failed(_))) => Some(found),
            _ => None,
        })
    });
    match answer.await.ok().flatten() {
        Some(Response::Settled) => Ok(Json(Done { success: true })),
        Some(Response::Failed(why)) => Err(ApiError::conflict("already_settled", why)),
        _ => Err(ApiError::not_found("unknown_promise", format!("no open promise {id}"))),
    }
}

/// Answers a question: `input()` gets `value`, `approve()` returns True.
#[utoipa::path(post, path = "/promises/{id}/resolve", tag = "promises", request_body = Resolve,
    params(("id" = String, Path, description = "Promise id")),
    responses((status = 200, description = "Settled", body = Done),
        (status = 400, description = "Empty, non-UTF-8 or invalid JSON body", body = ErrorBody),
        (status = 404, description = "No such open promise", body = ErrorBody),
        (status = 409, description = "Already settled", body = ErrorBody),
        (status = 422, description = "Wrong fields", body = ErrorBody)))]
pub async fn resolve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<Resolve>,
) -> Result<Json<Done>, ApiError> {
    settle(&state, id, Settlement::Resolve(body.value)).await
}

/// Refuses a question: `input()` raises EOFError, `approve()` returns False.
#[utoipa::path(post, path = "/promises/{id}/reject", tag = "promises",
    params(("id" = String, Path, description = "Promise id")),
    responses((status = 200, description = "Settled", body = Done),
        (status = 404, description = "No such open promise", body = ErrorBody),
        (status = 409, description = "Already settled", body = ErrorBody)))]
pub async fn reject(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Done>, ApiError> {
    settle(&state, id, Settlement::Reject).await
}
