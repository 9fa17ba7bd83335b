//! The execution ids a durable session makes up when the caller gives none.

use std::sync::atomic::{AtomicU64, Ordering};

/// Default execution ids: `<session>:<run>-<n>`, the run (when this host started the
/// session, in milliseconds) keeping them apart from the ids of earlier runs of a resumed
/// session, whose stored outcomes a plain `<session>:<n>` would replay.
pub struct ExecutionIds {
    /// The prefix: session and run.
    prefix: String,
    /// Cells so far.
    count: AtomicU64,
}

impl ExecutionIds {
    /// Ids for session `session`, starting now.
    pub fn new(session: &str) -> Self {
        let run = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        Self { prefix: format!("{session}:{run:x}"), count: AtomicU64::new(0) }
    }

    /// The next cell's id.
    pub fn next(&self) -> String {
        format!("{}-{}", self.prefix, self.count.fetch_add(1, Ordering::Relaxed) + 1)
    }
}
