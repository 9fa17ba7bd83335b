//! `GET /info`: what serves the API, in the reference's shape, plus this server's level and
//! limits so a client knows what its code may do.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

/// The API's version, bumped on an incompatible change.
pub const API_VERSION: &str = "1.0";

/// `GET /info`'s answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Info {
    /// Always true.
    pub success: bool,
    /// What serves the API.
    pub engine: String,
    /// `(φ)`.
    pub badge: String,
    /// `φ`.
    pub symbol: String,
    /// The Python code runs on (`cpython 3.11.7`), a string as in the reference.
    pub python_info: String,
    /// The API's version.
    pub api_version: String,
    /// phicode's version.
    pub version: String,
    /// The level code runs at (and the most a session may ask for).
    pub level: String,
    /// The server's limits.
    pub limits: InfoLimits,
}

/// The limits a client meets.
#[derive(Debug, Serialize, ToSchema)]
pub struct InfoLimits {
    /// Largest request body in bytes.
    pub body_bytes: u64,
    /// Longest `/execute` in seconds.
    pub execution_seconds: f64,
    /// Address space of a worker in MiB.
    pub memory_mb: u64,
    /// Output kept per execution in bytes.
    pub output_bytes: u64,
    /// Live sessions at most.
    pub sessions: u64,
}

/// What serves the API.
#[utoipa::path(get, path = "/info", tag = "reference",
    responses((status = 200, description = "The server", body = Info)))]
pub async fn info(State(state): State<AppState>) -> Json<Info> {
    let c = &state.config;
    Json(Info {
        success: true,
        engine: "phicode (Rust)".into(),
        badge: "(φ)".into(),
        symbol: "φ".into(),
        python_info: c.python_info.clone(),
        api_version: API_VERSION.into(),
        version: env!("CARGO_PKG_VERSION").into(),
        level: c.level.as_str().into(),
        limits: InfoLimits {
            body_bytes: c.body_limit as u64,
            execution_seconds: c.exec_timeout.as_secs_f64(),
            memory_mb: c.memory_mb,
            output_bytes: c.max_output as u64,
            sessions: c.max_sessions as u64,
        },
    })
}
