//! The server's settings: where it listens, what it lets code do, and its limits.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use phicode_security::Level;

/// How `phicode serve` runs. [`ServerConfig::new`] gives the defaults `phicode serve` uses.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Where to listen (127.0.0.1:8000 by default: only this machine).
    pub addr: SocketAddr,
    /// The level code runs at: `/execute`'s level, the default of new sessions, and the
    /// most permissive level a client may ask for.
    pub level: Level,
    /// When set, every request but `/info` and `/openapi.json` needs
    /// `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Requests handled at once; more wait in the queue.
    pub max_concurrent: usize,
    /// Requests waiting for a slot; past this, 503 with Retry-After.
    pub queue: usize,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// How long a client may take to send its request head, and then its whole body.
    pub read_timeout: Duration,
    /// Worker processes running one-shot executions at once (sessions count separately).
    pub max_workers: usize,
    /// Idle workers kept started for `/execute`.
    pub warm_workers: usize,
    /// How long an `/execute` may wait for a free worker before a 503.
    pub worker_wait: Duration,
    /// Wall-clock time an `/execute` may run (a request may ask for less).
    pub exec_timeout: Duration,
    /// Address space of each worker, in MiB.
    pub memory_mb: u64,
    /// Output kept per execution (stdout and stderr together), in bytes.
    pub max_output: usize,
    /// Live sessions at most.
    pub max_sessions: usize,
    /// How long running requests may take to finish after SIGTERM or SIGINT.
    pub shutdown_grace: Duration,
    /// The `phicode` executable whose `worker` subcommand runs code.
    pub worker_program: PathBuf,
    /// Origins allowed to call the API from a browser (`*` for any).
    pub cors_origins: Vec<String>,
    /// The levels this build's workers can run (a level left out is refused, never
    /// replaced by another).
    pub levels: Vec<Level>,
    /// Where durable sessions are kept (`<state_dir>/sessions/<id>/`) and resumed from at
    /// start; `None`: durable sessions are not offered.
    pub state_dir: Option<PathBuf>,
    /// `/info`'s `python_info`, the reference's string (`cpython 3.11.7`).
    pub python_info: String,
}

impl ServerConfig {
    /// The defaults, with workers run by `worker_program`.
    pub fn new(worker_program: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8000)),
            level: Level::Sandbox,
            token: None,
            max_concurrent: 256,
            queue: 4096,
            body_limit: 1024 * 1024,
            read_timeout: Duration::from_secs(10),
            max_workers: 8,
            warm_workers: 2,
            worker_wait: Duration::from_secs(120),
            exec_timeout: Duration::from_secs(10),
            memory_mb: 1024,
            max_output: 1024 * 1024,
            max_sessions: 32,
            shutdown_grace: Duration::from_secs(30),
            worker_program: worker_program.into(),
            cors_origins: vec!["*".into()],
            levels: Level::ALL.to_vec(),
            state_dir: phicode_durable::phicode_state_dir().map(|d| d.join("server")),
            python_info: "cpython".into(),
        }
    }
}
