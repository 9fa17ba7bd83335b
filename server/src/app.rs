//! The router: every endpoint, and the layers around them (outermost first): request id,
//! tracing, CORS, JSON for unknown routes and methods, auth, the concurrency gate.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use tower::ServiceBuilder;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::error::ApiError;
use crate::gate::{Gate, gate};
use crate::routes::{cells, convert, execute, info, promises, sessions, stream, symbols};
use crate::state::AppState;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole API over `state`.
pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let mut api = Router::new()
        .route("/info", get(info::info))
        .route("/symbols", get(symbols::symbols))
        .route("/convert", post(convert::convert))
        .route("/execute", post(execute::execute))
        .route("/openapi.json", get(crate::openapi::document))
        .route("/sessions", post(sessions::create).get(sessions::list))
        .route("/sessions/{id}", get(sessions::get_one).merge(delete(sessions::delete)))
        .route("/sessions/{id}/execute", post(cells::execute))
        .route("/sessions/{id}/interrupt", post(cells::interrupt))
        .route("/sessions/{id}/checkpoint", post(cells::checkpoint))
        .route("/sessions/{id}/restore", post(cells::restore))
        .route("/sessions/{id}/ws", get(stream::websocket))
        .route("/sessions/{id}/events", get(stream::events))
        .route("/promises", get(promises::list))
        .route("/promises/{id}/resolve", post(promises::resolve))
        .route("/promises/{id}/reject", post(promises::reject))
        .with_state(state)
        .layer(middleware::from_fn_with_state(
            Arc::new(Gate::new(config.max_concurrent, config.queue)),
            gate,
        ));
    if let Some(token) = &config.token {
        let token: Arc<str> = token.as_str().into();
        api = api.layer(middleware::from_fn_with_state(token, crate::auth::auth));
    }
    let trace = TraceLayer::new_for_http().make_span_with(|request: &Request| {
        let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("");
        tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
    })
    .on_response(DefaultOnResponse::new().level(tracing::Level::INFO));
    api.layer(middleware::from_fn(json_errors)).layer(cors(&config.cors_origins)).layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(trace)
            .layer(PropagateRequestIdLayer::new(REQUEST_ID)),
    )
}

/// Browsers on other origins (the playground) may call the API and read its answers.
fn cors(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::from(Any)
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([REQUEST_ID, header::RETRY_AFTER])
        .max_age(Duration::from_secs(3600))
}

/// axum answers an unknown route or method with an empty body: give it the API's JSON error
/// shape, keeping its headers (`Allow`).
async fn json_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let empty = !response.headers().contains_key(header::CONTENT_TYPE);
    let error = match status {
        StatusCode::NOT_FOUND if empty => {
            ApiError::not_found("unknown_route", format!("no endpoint {path}"))
        }
        StatusCode::METHOD_NOT_ALLOWED if empty => {
            ApiError::new(status, "method_not_allowed", format!("{path} does not take {method}"))
        }
        _ => return response,
    };
    let (parts, _) = response.into_parts();
    let mut json = error.into_response();
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        json.headers_mut().insert(header::ALLOW, allow.clone());
    }
    json
}
