//! [`AppState`]: what every handler shares: the settings, the symbol table, the worker pool
//! of one-shot executions, the live sessions and the shutdown signal.

use std::sync::Arc;

use phicode_core::SymbolTable;
use phicode_durable::{DurableConfig, DurableError, DurableSession};
use phicode_sessions::host::{PoolConfig, SessionConfig, SessionPool};
use tokio::sync::{OnceCell, watch};

use crate::config::ServerConfig;
use crate::error::ApiError;
use crate::registry::Registry;

/// Shared by all handlers; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The settings.
    pub config: Arc<ServerConfig>,
    /// The default symbol table, built once.
    pub table: Arc<SymbolTable>,
    /// `GET /symbols`'s answer, serialized once.
    pub symbols_json: Arc<[u8]>,
    /// The pool of one-shot workers, started on first use (or at start when warm).
    pool: Arc<OnceCell<SessionPool>>,
    /// The live sessions.
    pub sessions: Arc<Registry>,
    /// Becomes true when the server begins to shut down.
    pub shutdown: watch::Receiver<bool>,
}

impl AppState {
    /// State for `config`; `shutdown` turns true when the server stops.
    pub fn new(config: ServerConfig, shutdown: watch::Receiver<bool>) -> Self {
        let table = SymbolTable::new();
        let symbols_json = crate::listing::json(&table).into();
        let sessions = Arc::new(Registry::new(config.max_sessions));
        Self {
            config: Arc::new(config),
            table: Arc::new(table),
            symbols_json,
            pool: Arc::new(OnceCell::new()),
            sessions,
            shutdown,
        }
    }

    /// How a worker at the server's level is started, with the server's limits.
    pub fn session_config(&self, level: phicode_security::Level) -> SessionConfig {
        let mut session = SessionConfig::new(&self.config.worker_program);
        session.level = level;
        session.limits.memory_mb = Some(self.config.memory_mb);
        session.heartbeat = None;
        session.cwd = Some(std::env::temp_dir());
        session
    }

    /// Whether sessions may run at `level` here: not above the server's level (403
    /// `level_not_allowed`) and one this build can run (403 `level_unavailable`).
    pub fn allows(&self, level: phicode_security::Level) -> Result<(), ApiError> {
        if level > self.config.level {
            let message = format!("this server runs code at {} at most", self.config.level);
            return Err(ApiError::forbidden("level_not_allowed", message));
        }
        if !self.config.levels.contains(&level) {
            let message = format!("level {level} is not available on this server");
            return Err(ApiError::forbidden("level_unavailable", message));
        }
        Ok(())
    }

    /// Starts the worker of durable session `id` at `level`, keeping its state (checkpoint,
    /// scratch folder) in its folder under `state`, and restores its last checkpoint if it
    /// has one (a session resumed by a new server).
    pub async fn start_durable(
        &self,
        level: phicode_security::Level,
        id: &str,
        state: &std::path::Path,
    ) -> Result<DurableSession, ApiError> {
        let folder = crate::stored::folder(state, id);
        let scratch = folder.join("scratch");
        std::fs::create_dir_all(&scratch)
            .map_err(|e| ApiError::durable(&DurableError::State(e)))?;
        let mut session = self.session_config(level);
        session.session_id = Some(id.to_owned());
        session.scratch = Some(scratch);
        let durable = DurableConfig { state_dir: Some(folder), ..DurableConfig::default() };
        let started =
            DurableSession::start(session, durable).await.map_err(|e| ApiError::durable(&e))?;
        if let Some(restored) = started.resume().await.map_err(|e| ApiError::durable(&e))? {
            tracing::info!(session = %id, "resumed: {restored}");
        }
        Ok(started)
    }

    /// The one-shot pool, started now if it is not yet.
    pub async fn pool(&self) -> Result<&SessionPool, ApiError> {
        self.pool
            .get_or_try_init(|| async {
                let config = PoolConfig {
                    session: self.session_config(self.config.level),
                    warm: self.config.warm_workers,
                    max_sessions: self.config.max_workers,
                    acquire_timeout: self.config.worker_wait,
                };
                SessionPool::new(config).await
            })
            .await
            .map_err(|e| ApiError::from_session(&e))
    }
}
