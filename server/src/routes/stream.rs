//! A session's events, live: over a WebSocket (which also takes commands: execute, settle,
//! interrupt) or as server-sent events for clients that only listen. Both end when the
//! session is deleted or the server shuts down.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use phicode_sessions::protocol::Execute;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::{broadcast, watch};

use super::execute::CodeType;
use crate::error::{ApiError, ErrorBody};
use crate::live::Live;
use crate::settle::Settlement;
use crate::state::AppState;
use crate::streamed::Streamed;

/// What a WebSocket client may send, tagged by `op`.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
enum Command {
    Execute {
        code: String,
        #[serde(default, rename = "type")]
        kind: CodeType,
    },
    Resolve {
        promise_id: String,
        #[serde(default)]
        value: String,
    },
    Reject {
        promise_id: String,
    },
    Interrupt,
}

/// The next thing to tell a listener, or `None` when the stream is over.
async fn next(
    events: &mut broadcast::Receiver<Streamed>,
    closed: &mut watch::Receiver<bool>,
    stopping: &mut watch::Receiver<bool>,
) -> Option<serde_json::Value> {
    tokio::select! {
        event = events.recv() => match event {
            Ok(event) => serde_json::to_value(event).ok(),
            Err(broadcast::error::RecvError::Lagged(missed)) => Some(json!({"type": "lagged", "missed": missed})),
            Err(broadcast::error::RecvError::Closed) => None,
        },
        _ = closed.wait_for(|c| *c) => None,
        _ = stopping.wait_for(|s| *s) => None,
    }
}

/// The session's events as a WebSocket; commands go the other way.
#[utoipa::path(get, path = "/sessions/{id}/ws", tag = "sessions",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 101, description = "Switching to a WebSocket"),
        (status = 400, description = "Not a WebSocket handshake", body = ErrorBody),
        (status = 404, description = "No such session", body = ErrorBody)))]
pub async fn websocket(
    State(state): State<AppState>,
    Path(id): Path<String>,
    upgrade: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Result<Response, ApiError> {
    let live = state.sessions.get(&id)?;
    let upgrade = upgrade.map_err(|e| ApiError::bad_request("not_websocket", e.body_text()))?;
    Ok(upgrade.on_upgrade(move |socket| serve_socket(socket, live, state)).into_response())
}

async fn serve_socket(mut socket: WebSocket, live: Arc<Live>, state: AppState) {
    let (mut events, mut closed, mut stopping) =
        (live.subscribe(), live.closed(), state.shutdown.clone());
    loop {
        let reply = tokio::select! {
            event = next(&mut events, &mut closed, &mut stopping) => match event {
                Some(event) => event,
                None => break,
            },
            message = socket.recv() => match message {
                Some(Ok(Message::Text(text))) => command(&live, &state, text.as_str()).await,
                Some(Ok(Message::Binary(_))) => json!({"type": "refused", "code": "invalid_json", "error": "send JSON text"}),
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return,
            },
        };
        if socket.send(Message::Text(reply.to_string().into())).await.is_err() {
            return;
        }
    }
    let _ = socket.send(Message::Close(None)).await;
}

async fn command(live: &Arc<Live>, state: &AppState, text: &str) -> serde_json::Value {
    let refused = |e: ApiError| json!({"type": "refused", "code": e.code, "error": e.message});
    let command = match crate::extract::parse::<Command>(text.as_bytes()) {
        Ok(command) => command,
        Err(e) => return refused(e),
    };
    let done = match command {
        Command::Execute { code, kind } => {
            let mut cell = Execute::new(code);
            cell.language = kind.into();
            return match live.start(cell, state.config.max_output).await {
                Ok((execution_id, _)) => {
                    json!({"type": "accepted", "op": "execute", "execution_id": execution_id})
                }
                Err(e) => refused(e),
            };
        }
        Command::Resolve { promise_id, value } => {
            live.settle(&promise_id, Settlement::Resolve(value)).await
        }
        Command::Reject { promise_id } => live.settle(&promise_id, Settlement::Reject).await,
        Command::Interrupt => {
            live.session.interrupt(None).await.map_err(|e| ApiError::from_session(&e))
        }
    };
    match done {
        Ok(()) => json!({"type": "accepted"}),
        Err(e) => refused(e),
    }
}

/// The session's events as server-sent events (`data:` one JSON event each).
#[utoipa::path(get, path = "/sessions/{id}/events", tag = "sessions",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 200, description = "The event stream", content_type = "text/event-stream"),
        (status = 404, description = "No such session", body = ErrorBody)))]
pub async fn events(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, ApiError> {
    let live = state.sessions.get(&id)?;
    let start = (live.subscribe(), live.closed(), state.shutdown.clone());
    let stream =
        futures_util::stream::unfold(start, |(mut events, mut closed, mut stopping)| async move {
            let event = next(&mut events, &mut closed, &mut stopping).await?;
            Some((Ok(SseEvent::default().data(event.to_string())), (events, closed, stopping)))
        });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
