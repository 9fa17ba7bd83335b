//! `GET /openapi.json`: the API described from the handlers' own annotations (utoipa).

use axum::Json;
use utoipa::OpenApi;

use crate::error::ErrorBody;
use crate::routes::{cells, convert, execute, info, promises, sessions, stream, symbols};
use crate::streamed::Streamed;

/// The API's description.
#[derive(OpenApi)]
#[openapi(
    info(title = "phicode serve", description = "φ ⇄ Python conversion and sandboxed execution"),
    paths(info::info, symbols::symbols, convert::convert, execute::execute, document,
        sessions::create, sessions::list, sessions::get_one, sessions::delete,
        cells::execute, cells::interrupt, cells::checkpoint, cells::restore,
        stream::websocket, stream::events, promises::list, promises::resolve, promises::reject),
    components(schemas(ErrorBody, Streamed)),
    tags((name = "reference", description = "The endpoints of phicode 2.6's API, same shapes"),
        (name = "sessions", description = "Sessions; their events over WebSocket or SSE"),
        (name = "promises", description = "The questions (input, approval) sessions wait on"))
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
