//! [`JsonBody`]: a JSON request body read under the server's size limit and read timeout,
//! every failure a 4xx [`ApiError`] (axum's own `Json` answers some with plain text).

use std::error::Error as _;

use axum::body::to_bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::state::AppState;

/// A request body parsed as `T`.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T, S> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let app = AppState::from_ref(state);
        let limit = app.config.body_limit;
        let too_large = || {
            let message = format!("the body is larger than the limit of {limit} bytes");
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", message)
        };
        // Refused before reading a byte when the client says how much it will send.
        let declared = request.headers().get(header::CONTENT_LENGTH);
        if declared
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
            .is_some_and(|n| n > limit as u64)
        {
            return Err(too_large());
        }
        let read = to_bytes(request.into_body(), limit);
        let bytes = match tokio::time::timeout(app.config.read_timeout, read).await {
            Err(_) => {
                let seconds = app.config.read_timeout.as_secs_f64();
                let message = format!("the body was not received within {seconds} s");
                return Err(ApiError::new(StatusCode::REQUEST_TIMEOUT, "slow_body", message));
            }
            Ok(Err(e)) if is_length_limit(&e) => return Err(too_large()),
            Ok(Err(e)) => {
                return Err(ApiError::bad_request(
                    "unreadable_body",
                    format!("cannot read the body: {e}"),
                ));
            }
            Ok(Ok(bytes)) => bytes,
        };
        parse(&bytes).map(JsonBody)
    }
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = error.source();
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}

/// `bytes` as a `T`: 400 when empty, not UTF-8 or not JSON; 422 when JSON of the wrong shape.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("empty_body", "the body is empty: send a JSON object"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ApiError::bad_request("invalid_utf8", format!("the body is not UTF-8: {e}"))
    })?;
    // Syntax first: a truncated body is invalid JSON even when a field before the cut is
    // already one the endpoint does not take.
    serde_json::from_str::<&serde_json::value::RawValue>(text).map_err(|e| {
        ApiError::bad_request("invalid_json", format!("the body is not valid JSON: {e}"))
    })?;
    // Every body is an object; serde would also take an array as a struct's fields in order.
    if !text.trim_start().starts_with('{') {
        let message = "the body must be a JSON object";
        return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", message));
    }
    // Valid JSON, so whatever fails now is its shape (serde_json calls some shape errors,
    // an integer where an enum belongs, syntax errors).
    serde_json::from_str(text).map_err(|e| {
        let message = format!("the body does not fit this endpoint: {e}");
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", message)
    })
}
