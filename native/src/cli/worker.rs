//! The hidden `phicode worker` subcommand's options (set by the host that starts it).

use phicode_security::Level;
use phicode_sessions::protocol::{DEFAULT_MAX_FRAME, Format};

/// `phicode worker`: serve one session over stdin/stdout (started by a host).
#[derive(Debug, Clone, clap::Args)]
pub struct WorkerArgs {
    /// Frame payload encoding: msgpack or json.
    #[arg(long, default_value = "msgpack", value_parser = ["msgpack", "json"])]
    pub format: String,
    /// Largest frame in bytes, both ways.
    #[arg(long, default_value_t = DEFAULT_MAX_FRAME)]
    pub max_frame: u32,
    /// The session id announced in `ready`.
    #[arg(long)]
    pub session_id: Option<String>,
    /// Address-space limit in bytes (RLIMIT_AS): allocations past it raise MemoryError.
    #[arg(long)]
    pub max_memory: Option<u64>,
    /// CPU-time limit in seconds (RLIMIT_CPU): past it the worker is killed (SIGXCPU).
    #[arg(long)]
    pub max_cpu: Option<u64>,
    /// Process limit (RLIMIT_NPROC), set at TRUSTED (below, no process may start at all).
    #[arg(long)]
    pub max_processes: Option<u64>,
    /// Largest file in bytes the worker may write (RLIMIT_FSIZE).
    #[arg(long)]
    pub max_file_size: Option<u64>,
    /// Open file descriptors (RLIMIT_NOFILE).
    #[arg(long)]
    pub max_open_files: Option<u64>,
    /// The capabilities the session is granted, comma-separated (`input,fs.read`).
    #[arg(long, value_delimiter = ',', default_value = "")]
    pub capabilities: Vec<String>,
    /// The read-write folder of a confined worker, and its working folder.
    #[arg(long, value_name = "DIR")]
    pub scratch: Option<std::path::PathBuf>,
    /// Security level the worker confines itself to before running any code.
    #[arg(long, default_value = "unrestricted", value_parser = clap::value_parser!(Level))]
    pub level: Level,
    /// Milliseconds between heartbeats; 0 sends none.
    #[arg(long, default_value_t = 5000)]
    pub heartbeat_ms: u64,
}

impl WorkerArgs {
    /// The frame format.
    pub fn format(&self) -> Format {
        Format::parse(&self.format).unwrap_or_default()
    }
}
