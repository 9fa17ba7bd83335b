//! Optional bearer-token auth: with a token set, requests need `Authorization: Bearer
//! <token>` (or, for a browser's WebSocket and EventSource, which cannot send headers,
//! `?access_token=<token>` on a GET).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Paths anyone may read: what the server is, and its API description.
const PUBLIC: [&str; 2] = ["/info", "/openapi.json"];

/// Compares without stopping at the first difference, so timing does not tell the prefix.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn presented(request: &Request) -> Option<&str> {
    let header = request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    if let Some(token) = header.and_then(|h| h.strip_prefix("Bearer ")) {
        return Some(token.trim());
    }
    if request.method() != Method::GET {
        return None;
    }
    request.uri().query()?.split('&').find_map(|pair| pair.strip_prefix("access_token="))
}

/// The middleware; `token` is the server's.
pub async fn auth(State(token): State<Arc<str>>, request: Request, next: Next) -> Response {
    let open = PUBLIC.contains(&request.uri().path()) || request.method() == Method::OPTIONS;
    if open || presented(&request).is_some_and(|t| same(t.as_bytes(), token.as_bytes())) {
        return next.run(request).await;
    }
    let error =
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "a valid bearer token is needed");
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
    response
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn tokens_compare_by_every_byte() {
        assert!(same(b"secret", b"secret"));
        assert!(!same(b"secret", b"secreT"));
        assert!(!same(b"secret", b"secret2"));
    }
}
