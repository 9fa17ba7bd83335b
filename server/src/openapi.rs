//! `GET /openapi.json`: the API described from the handlers' own annotations (utoipa).

use axum::Json;
use utoipa::OpenApi;

use crate::error::ErrorBody;
use crate::routes::{convert, execute, info, symbols};

/// The API's description.
#[derive(OpenApi)]
#[openapi(
    info(title = "phicode serve", description = "φ ⇄ Python conversion and sandboxed execution"),
    paths(info::info, symbols::symbols, convert::convert, execute::execute, document),
    components(schemas(ErrorBody)),
    tags((name = "reference", description = "The endpoints of phicode 2.6's API, same shapes"))
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
