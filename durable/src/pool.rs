//! [`DurablePool`]: a `SessionPool`'s warm workers, handed out as durable sessions.

use std::sync::Arc;

use phicode_sessions::host::{PoolConfig, PooledSession, SessionPool};

use crate::config::DurableConfig;
use crate::error::DurableError;
use crate::session::DurableSession;

/// A pool of durable sessions: warm workers under one `DurableConfig`.
pub struct DurablePool {
    /// The warm workers and the cap on sessions.
    pool: SessionPool,
    /// How each session handed out keeps its state; a `state_dir` is the base folder, each
    /// session's own being `<state_dir>/<session id>`.
    durable: DurableConfig,
}

/// A durable session from the pool; its worker is shut down when it is dropped.
pub struct PooledDurableSession {
    /// The session, durable.
    pub durable: Arc<DurableSession>,
    /// Holds the pool's slot (and the worker) as long as the session is used.
    _pooled: PooledSession,
}

impl DurablePool {
    /// Starts the pool's warm workers.
    pub async fn new(mut config: PoolConfig, durable: DurableConfig) -> Result<Self, DurableError> {
        // As for DurableSession::start: the promises remember finished executions.
        config.session.replay_memory = 0;
        Ok(Self { pool: SessionPool::new(config).await?, durable })
    }

    /// A durable session on a warm worker (waits while the pool is full, as `SessionPool`).
    pub async fn acquire(&self) -> Result<PooledDurableSession, DurableError> {
        let pooled = self.pool.acquire().await?;
        let mut durable = self.durable.clone();
        durable.state_dir = durable.state_dir.map(|base| base.join(pooled.id()));
        let session = DurableSession::over((*pooled).clone(), durable).await?;
        Ok(PooledDurableSession { durable: Arc::new(session), _pooled: pooled })
    }
}
