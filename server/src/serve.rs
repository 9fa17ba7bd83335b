//! Binding and running: [`Server::bind`] takes the port (0 picks one, for tests), and
//! [`Server::run`] serves until its shutdown future completes, then lets running requests
//! finish within the grace period and ends the live sessions.

use std::future::Future;
use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app::router;
use crate::config::ServerConfig;
use crate::state::AppState;

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server's level is one this build cannot run.
    #[error("level {0} is not available in this build; choose another with --level")]
    Level(phicode_security::Level),
    /// Accepting connections failed.
    #[error("the server failed: {0}")]
    Serve(#[from] std::io::Error),
}

/// A bound, not yet running server.
pub struct Server {
    listener: TcpListener,
    state: AppState,
    stopping: watch::Sender<bool>,
}

impl Server {
    /// Binds `config.addr` and prepares the state (warm workers start in the background).
    pub async fn bind(config: ServerConfig) -> Result<Self, ServeError> {
        let addr = config.addr;
        if !config.levels.contains(&config.level) {
            return Err(ServeError::Level(config.level));
        }
        let listener =
            TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
        let (stopping, stopped) = watch::channel(false);
        let state = AppState::new(config, stopped);
        crate::resume::resume_all(&state).await;
        if state.config.warm_workers > 0 {
            let warm = state.clone();
            tokio::spawn(async move {
                if let Err(e) = warm.pool().await {
                    tracing::warn!("the execution workers did not start: {e}");
                }
            });
        }
        Ok(Self { listener, state, stopping })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes; then running requests get the grace period.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let Self { listener, state, stopping } = self;
        let grace = state.config.shutdown_grace;
        let head_timeout = state.config.read_timeout;
        let sessions = state.sessions.clone();
        let state_dir = state.config.state_dir.clone();
        let mut stopped = state.shutdown.clone();
        let app = router(state);
        tracing::info!(addr = %listener.local_addr()?, "phicode serve is listening");
        tokio::spawn(async move {
            shutdown.await;
            tracing::info!("shutting down: no new connections; running requests may finish");
            // Streams (WebSocket, SSE) watch this and end, so their connections close too.
            let _ = stopping.send(true);
        });
        let serving = crate::accept::serve(listener, app, stopped.clone(), head_timeout);
        let overdue = async move {
            let _ = stopped.wait_for(|s| *s).await;
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            () = serving => {}
            () = overdue => tracing::warn!("the grace period ended with requests still running"),
        }
        sessions.stop_all(grace, state_dir.as_deref()).await;
        Ok(())
    }
}

/// Completes on SIGTERM or SIGINT (Ctrl-C).
pub async fn signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

/// Runs the server on a new multi-threaded runtime until SIGTERM or SIGINT (what
/// `phicode serve` does), with logs as text or JSON lines.
pub fn run_blocking(config: ServerConfig, json_logs: bool) -> Result<(), ServeError> {
    crate::logging::init(json_logs);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let server = Server::bind(config).await?;
        server.run(signal()).await
    })
}
