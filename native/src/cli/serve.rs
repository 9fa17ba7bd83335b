//! Arguments of `phicode serve`.

use std::net::IpAddr;

use phicode_security::Level;

/// `phicode serve`: the HTTP and WebSocket API (see server/README.md).
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (127.0.0.1: this machine only).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Level code runs at, and the most a session may ask for: sandbox, restricted,
    /// standard, trusted or unrestricted.
    #[arg(long, default_value = "sandbox")]
    pub level: Level,
    /// Require `Authorization: Bearer TOKEN` on every request but /info and /openapi.json.
    #[arg(long, env = "PHICODE_SERVE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Requests handled at once.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrent: u32,
    /// Requests waiting for a slot before 503 (with Retry-After).
    #[arg(long, default_value_t = 4096)]
    pub queue: u32,
    /// Largest request body, in KiB.
    #[arg(long, default_value_t = 1024)]
    pub body_limit_kib: u32,
    /// Seconds a client may take to send a request body.
    #[arg(long, default_value_t = 10)]
    pub read_timeout: u64,
    /// Worker processes for /execute at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_workers: u32,
    /// Idle workers kept started for /execute.
    #[arg(long, default_value_t = 2)]
    pub warm_workers: u32,
    /// Seconds an /execute may wait for a free worker before 503.
    #[arg(long, default_value_t = 120)]
    pub worker_wait: u64,
    /// Seconds a program (or a session cell) may run.
    #[arg(long, default_value_t = 10)]
    pub exec_timeout: u64,
    /// Address space per worker, in MiB (the worker itself takes about 250 at RESTRICTED).
    #[arg(long, default_value_t = 1024)]
    pub memory_mb: u64,
    /// Output kept per execution, in KiB.
    #[arg(long, default_value_t = 1024)]
    pub max_output_kib: u32,
    /// Live sessions at most.
    #[arg(long, default_value_t = 32)]
    pub max_sessions: u32,
    /// Seconds running requests get to finish after SIGTERM or SIGINT.
    #[arg(long, default_value_t = 30)]
    pub shutdown_grace: u64,
    /// Origins allowed to call from a browser (repeat; `*` for any).
    #[arg(long = "cors-origin", value_name = "ORIGIN", default_value = "*")]
    pub cors_origins: Vec<String>,
    /// Where durable sessions are kept, to be resumed by the next server started over the
    /// same folder (default `$XDG_STATE_HOME/phicode/server`).
    #[arg(long, value_name = "FOLDER")]
    pub state_dir: Option<std::path::PathBuf>,
    /// Offer only ephemeral sessions: nothing is kept on disk, nothing resumed.
    #[arg(long, conflicts_with = "state_dir")]
    pub ephemeral_only: bool,
    /// Log JSON lines instead of text.
    #[arg(long)]
    pub json_logs: bool,
}
