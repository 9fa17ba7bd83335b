//! The API's errors: each a status and a JSON body `{"success": false, "error", "code"}`, the
//! reference's error shape with a machine-readable code added.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use phicode_sessions::host::SessionError;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Always false.
    pub success: bool,
    /// What went wrong, in words.
    pub error: String,
    /// What went wrong, as a stable tag (`invalid_json`, `body_too_large`, ...).
    pub code: String,
}

/// A request the API refuses or cannot serve.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable tag.
    pub code: &'static str,
    /// The message.
    pub message: String,
    /// Seconds after which to try again (503 only).
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with `status`, tag `code` and `message`.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into(), retry_after: None }
    }

    /// 400: the body is not what the endpoint takes.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 404: no such thing.
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }

    /// 409: the thing exists but is not in a state that allows this.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 403: the server's policy does not allow it.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, code, message)
    }

    /// 503 with Retry-After: too busy now.
    pub fn busy(message: impl Into<String>, retry_after: u64) -> Self {
        let error = Self::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message);
        Self { retry_after: Some(retry_after), ..error }
    }

    /// A session layer failure: 503, since it is the server's workers, not the request,
    /// that failed (all in use, or one could not start).
    pub fn from_session(error: &SessionError) -> Self {
        match error {
            SessionError::Exhausted(why) => Self::busy(format!("no free worker: {why}"), 1),
            other => {
                let message = format!("cannot run code now: {other}");
                Self {
                    retry_after: Some(5),
                    ..Self::new(StatusCode::SERVICE_UNAVAILABLE, "worker_unavailable", message)
                }
            }
        }
    }

    /// A durable session's failure: its session's as above; a promise or state folder
    /// failure is the server's too (503).
    pub fn durable(error: &phicode_durable::DurableError) -> Self {
        match error {
            phicode_durable::DurableError::Session(e) => Self::from_session(e),
            other => {
                let message = format!("the session's durable state failed: {other}");
                Self::new(StatusCode::SERVICE_UNAVAILABLE, "durability_failed", message)
            }
        }
    }

    /// The JSON body.
    pub fn body(&self) -> ErrorBody {
        ErrorBody { success: false, error: self.message.clone(), code: self.code.into() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
