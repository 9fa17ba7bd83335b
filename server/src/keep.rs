//! What a [`Live`] session keeps and how it ends: checkpoints (in memory for an ephemeral
//! session, in its state folder for a durable one), and the two ways to end it: deleted
//! (gone, folder and all) or stopped with the server (a durable session's running cells
//! finish, or are interrupted past the grace period, and its names are checkpointed for the
//! next server to resume).

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::error::ApiError;
use crate::live::{Live, lock};
use crate::stored::{self, Stored};

/// How long a cell interrupted at shutdown has to unwind before its names are saved anyway.
const UNWIND: Duration = Duration::from_secs(2);
/// How long a worker has to exit once its session's names are saved.
const EXIT: Duration = Duration::from_secs(2);
/// How long a deleted session's worker has to exit.
const DELETED_EXIT: Duration = Duration::from_millis(200);

/// A checkpoint just taken.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    /// Names saved.
    pub names: u64,
    /// Its size in bytes.
    pub bytes: u64,
    /// Names that could not be saved.
    pub skipped: Vec<String>,
}

impl Live {
    /// Saves the session's names: into its state folder when it is durable, else in memory.
    pub async fn checkpoint(&self) -> Result<Kept, ApiError> {
        if let Some(durable) = &self.durable {
            let taken = durable.checkpoint_now().await.map_err(|e| ApiError::durable(&e))?;
            let taken = taken.unwrap_or_default();
            let kept =
                Kept { names: taken.taken.names, bytes: taken.bytes, skipped: taken.skipped };
            return Ok(kept);
        }
        let mut checkpoint =
            self.session.checkpoint().await.map_err(|e| ApiError::from_session(&e))?;
        let data = checkpoint.data.take().unwrap_or_default();
        let skipped = checkpoint.skipped.iter().map(|s| s.name.clone()).collect();
        let kept = Kept { names: checkpoint.namespace_size, bytes: data.len() as u64, skipped };
        *lock(&self.checkpoint) = Some(data);
        Ok(kept)
    }

    /// Puts the names of the latest checkpoint back (others are kept); 409 without one.
    pub async fn restore(&self) -> Result<(), ApiError> {
        let none = || ApiError::conflict("no_checkpoint", "take a checkpoint first");
        if let Some(durable) = &self.durable {
            let restored = durable.resume().await.map_err(|e| ApiError::durable(&e))?;
            return restored.map(drop).ok_or_else(none);
        }
        let data = lock(&self.checkpoint).clone().ok_or_else(none)?;
        self.session
            .restore(Some(data), None, false)
            .await
            .map_err(|e| ApiError::from_session(&e))?;
        Ok(())
    }

    /// Ends the session for good (`DELETE`): streams end, running code is stopped and a
    /// durable session's folder is removed.
    pub async fn delete(&self, state: Option<&Path>) {
        let _ = self.closed.send(true);
        let _ = self.session.shutdown(DELETED_EXIT).await;
        if let (Some(state), Some(_)) = (state, &self.durable)
            && let Err(e) = stored::forget(state, &self.id)
        {
            tracing::warn!(session = %self.id, "its state folder was not removed: {e}");
        }
    }

    /// Stops the session with the server. An ephemeral session's worker finishes what it
    /// runs within `grace`; a durable session's running cells get `grace` to finish (then
    /// are interrupted), its names are checkpointed and its description saved, for the
    /// next server over the same state folder to resume it.
    pub async fn stop(&self, grace: Duration, state: Option<&Path>) {
        let _ = self.closed.send(true);
        let (Some(durable), Some(state)) = (&self.durable, state) else {
            let _ = self.session.shutdown(grace).await;
            return;
        };
        if !self.idle_within(grace).await {
            tracing::warn!(session = %self.id, "interrupting its running cells to stop");
            let _ = self.session.interrupt(None).await;
            self.idle_within(UNWIND).await;
        }
        match durable.checkpoint_now().await {
            Ok(Some(kept)) => {
                tracing::info!(session = %self.id, names = kept.taken.names, "checkpointed")
            }
            Ok(None) => {}
            Err(e) => {
                tracing::warn!(session = %self.id, "not checkpointed (its last checkpoint stays): {e}")
            }
        }
        if let Err(e) = stored::save(state, &self.id, &self.stored()) {
            tracing::warn!(session = %self.id, "its description was not saved: {e}");
        }
        let _ = self.session.shutdown(EXIT).await;
    }

    /// What the state folder keeps of this session.
    pub fn stored(&self) -> Stored {
        Stored {
            level: self.level.as_str().into(),
            created: self.created,
            executions: self.executions.load(Ordering::Acquire),
        }
    }

    /// Waits up to `limit` for no cell to run; false if one still does.
    async fn idle_within(&self, limit: Duration) -> bool {
        let mut running = self.running.subscribe();
        tokio::time::timeout(limit, running.wait_for(|n| *n == 0)).await.is_ok()
    }
}
