//! `phicode serve`: turns the arguments into the server's settings and runs it; workers are
//! this very executable.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use phicode_server::ServerConfig;

use crate::cli::ServeArgs;
use crate::error::Error;

/// Serves until SIGTERM or SIGINT.
pub fn run(args: &ServeArgs) -> Result<ExitCode, Error> {
    let program = std::env::current_exe()
        .map_err(|e| Error::Usage(format!("cannot find the phicode executable: {e}")))?;
    let mut config = ServerConfig::new(program);
    config.addr = SocketAddr::new(args.host, args.port);
    config.level = args.level;
    config.token = args.token.clone().filter(|t| !t.is_empty());
    config.max_concurrent = args.max_concurrent as usize;
    config.queue = args.queue as usize;
    config.body_limit = args.body_limit_kib as usize * 1024;
    config.read_timeout = Duration::from_secs(args.read_timeout);
    config.max_workers = args.max_workers as usize;
    config.warm_workers = args.warm_workers as usize;
    config.worker_wait = Duration::from_secs(args.worker_wait);
    config.exec_timeout = Duration::from_secs(args.exec_timeout.max(1));
    config.memory_mb = args.memory_mb;
    config.max_output = args.max_output_kib as usize * 1024;
    config.max_sessions = args.max_sessions as usize;
    config.shutdown_grace = Duration::from_secs(args.shutdown_grace);
    config.cors_origins = args.cors_origins.clone();
    if let Some(state) = &args.state_dir {
        config.state_dir = Some(state.clone());
    }
    if args.ephemeral_only {
        config.state_dir = None;
    }
    config.python_info = concat!("cpython ", env!("PHICODE_PYTHON_VERSION")).into();
    phicode_server::run_blocking(config, args.json_logs)
        .map_err(|e| Error::Usage(format!("serve: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
