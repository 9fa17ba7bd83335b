//! Resuming at start: every durable session a previous server left in the state folder is
//! started again, at the level it was made with, its names restored from its checkpoint,
//! before the server takes its first request (so no client sees its id missing).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::live::Live;
use crate::state::AppState;
use crate::stored;

/// Starts the stored sessions (all at once), within the session cap and the server's level;
/// one that cannot start is reported and left on disk for a later server.
pub async fn resume_all(state: &AppState) {
    let Some(folder) = state.config.state_dir.clone() else { return };
    let found = stored::all(&folder);
    let starting = found.into_iter().map(|(id, level, kept)| {
        let folder = folder.clone();
        async move {
            if let Err(refused) = state.allows(level) {
                tracing::warn!(session = %id, "not resumed: {}", refused.message);
                return;
            }
            let Ok(slot) = state.sessions.reserve() else {
                tracing::warn!(session = %id, "not resumed: all session places are taken");
                return;
            };
            match state.start_durable(level, &id, &folder).await {
                Ok(durable) => {
                    let mut live = Live::durable(durable, level, slot);
                    live.created = kept.created;
                    live.executions.store(kept.executions, Ordering::Release);
                    state.sessions.insert(Arc::new(live));
                }
                Err(e) => tracing::warn!(session = %id, "not resumed: {}", e.message),
            }
        }
    });
    futures_util::future::join_all(starting).await;
}
