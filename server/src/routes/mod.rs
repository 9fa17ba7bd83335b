//! The endpoints, one file each; their request and response shapes live beside them.

pub mod convert;
pub mod execute;
pub mod info;
pub mod symbols;

/// stub
pub fn sessions_router() -> axum::Router<crate::state::AppState> {
    axum::Router::new()
}
