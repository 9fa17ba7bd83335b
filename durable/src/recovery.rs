//! Surviving a worker's death: a dead worker is replaced and the last checkpoint restored
//! into the new one; and the checkpoints themselves, taken once the session has been idle
//! for a moment after a successful execution (so a run of quick cells is not slowed down by
//! one checkpoint each).

use std::time::Duration;

use phicode_sessions::host::Session;
use phicode_sessions::protocol::Checkpoint;
use tokio::sync::watch;

use crate::error::DurableError;
use crate::state::{StateDir, Taken};

/// What to do with an execution whose worker died under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnCrash {
    /// Report it as interrupted by the crash (the default: code is not run twice).
    #[default]
    Report,
    /// Run it again, once, in the restored worker (an `input()` it had answered is not
    /// asked again).
    Rerun,
}

/// What a recovery restored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    /// Names restored from the checkpoint.
    pub names: usize,
    /// The cell the checkpoint was taken after (`None`: there was no checkpoint).
    pub as_of: Option<u64>,
}

impl std::fmt::Display for Restored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_of {
            Some(cell) => write!(f, "restored {} names as of cell {cell}", self.names),
            None => f.write_str("no checkpoint to restore: the namespace is empty"),
        }
    }
}

/// A checkpoint taken on request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checkpointed {
    /// After which cell, how many names.
    pub taken: Taken,
    /// Names that could not be saved.
    pub skipped: Vec<String>,
    /// The checkpoint file's size.
    pub bytes: u64,
}

/// Checkpoints `session` into its state folder now, as taken after `cell` (the last
/// successful execution); `None` without a folder.
pub async fn checkpoint_now(
    session: &Session,
    state: Option<&StateDir>,
    cell: u64,
) -> Result<Option<Checkpointed>, DurableError> {
    let Some(state) = state else { return Ok(None) };
    let checkpoint = save(session, state, cell).await?;
    let taken = Taken { cell, names: checkpoint.namespace_size };
    let skipped = checkpoint.skipped.into_iter().map(|s| s.name).collect();
    let bytes = state.checkpoint_file().map_or(0, |(len, _)| len);
    Ok(Some(Checkpointed { taken, skipped, bytes }))
}

/// Writes a checkpoint of `session` into `state`, then what it holds (taken after `cell`).
async fn save(session: &Session, state: &StateDir, cell: u64) -> Result<Checkpoint, DurableError> {
    let path = state.checkpoint().map_err(DurableError::State)?;
    let checkpoint = session.checkpoint_to(&path.to_string_lossy()).await?;
    let taken = Taken { cell, names: checkpoint.namespace_size };
    state.record(&taken).map_err(DurableError::State)?;
    Ok(checkpoint)
}

/// Starts a new worker in place of the dead one and restores the last checkpoint.
pub async fn recover(
    session: &Session,
    state: Option<&StateDir>,
) -> Result<Restored, DurableError> {
    session.restart().await?;
    Ok(restore_last(session, state).await?.unwrap_or_default())
}

/// Restores the last checkpoint in `state` into the session's worker; `None` when there
/// is none.
pub async fn restore_last(
    session: &Session,
    state: Option<&StateDir>,
) -> Result<Option<Restored>, DurableError> {
    let Some((dir, taken)) = state.and_then(|dir| Some((dir, dir.taken()?))) else {
        return Ok(None);
    };
    let path = dir.checkpoint().map_err(DurableError::State)?;
    let reply = session.restore(None, Some(&path.to_string_lossy()), true).await?;
    Ok(Some(Restored { names: reply.restored.len(), as_of: Some(taken.cell) }))
}

/// Checkpoints `session` into `state` whenever `done` (the count of the last successful
/// execution) changed and then stayed the same for `idle`. Ends when the sender is dropped.
pub async fn checkpointer(
    session: Session,
    state: StateDir,
    mut done: watch::Receiver<u64>,
    idle: Duration,
) {
    while done.changed().await.is_ok() {
        // One timer per pause, not one per execution: while executions keep succeeding,
        // this wakes once per `idle`, finds the count changed again, and sleeps on.
        loop {
            let seen = *done.borrow_and_update();
            tokio::time::sleep(idle).await;
            match done.has_changed() {
                Ok(true) if *done.borrow() != seen => continue,
                Ok(_) => break,
                Err(_) => return,
            }
        }
        let cell = *done.borrow_and_update();
        // A failed checkpoint leaves the previous one whole; the next pause tries again.
        let _ = save(&session, &state, cell).await;
    }
}
