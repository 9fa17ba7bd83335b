//! `phicode serve`: the HTTP and WebSocket API. GET `/info` and `/symbols`, POST `/convert`
//! and `/execute` in the reference's shapes; sessions with events over WebSocket and SSE;
//! the promises sessions wait on; `/openapi.json`. Every bad request is a 4xx JSON error.
//!
//! Modules call one way: `serve` → (`accept`, `app`) → (`auth`, `gate`, `openapi`) → `routes` →
//! (`extract`, `settle`, `state` → `registry` → `live` → (`gather`, `streamed`)) → (`error`,
//! `config`, `listing`).

mod accept;
mod app;
mod auth;
pub mod config;
pub mod error;
mod extract;
mod gate;
mod gather;
mod keep;
mod listing;
mod live;
pub mod logging;
mod openapi;
mod pump;
mod registry;
mod resume;
pub mod routes;
mod serve;
mod settle;
mod state;
mod stored;
mod streamed;

pub use config::ServerConfig;
pub use openapi::ApiDoc;
pub use serve::{ServeError, Server, run_blocking, signal};
