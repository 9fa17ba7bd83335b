//! `phicode repl`: an interactive φ/Python session in the terminal (the REPL itself lives
//! in `phicode-durable`; this resolves the dialect config, where the session keeps its
//! state and promises, and starts it on this binary's hidden `worker` subcommand).

use std::path::PathBuf;
use std::process::ExitCode;

use phicode_durable::repl::{self, ReplOptions};
use phicode_durable::{Durability, DurableConfig, OnCrash, StateDir};
use phicode_security::Level;
use phicode_security::audit::AuditLog;
use phicode_security::policy::Policy;
use phicode_sessions::host::SessionConfig;

use crate::cli::{DurabilityChoice, OnCrashChoice, ReplArgs};
use crate::config::{Settings, resolve};
use crate::error::Error;

/// Runs the REPL until Ctrl-D or `sys.exit(n)`.
pub fn run(args: &ReplArgs) -> Result<ExitCode, Error> {
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let config = resolve(args.config.as_deref(), &cwd, Settings::from_env())?;
    let mut session = worker_session(args.level, args.config.as_deref())?;
    if let Some(path) = &args.policy {
        session.policy = Policy::load(path).map_err(|e| Error::Usage(format!("repl: {e}")))?;
    }
    let audit_log = args.audit_log.clone().or_else(|| {
        (args.level != Level::Unrestricted)
            .then(|| phicode_durable::phicode_state_dir().map(|d| d.join("audit.jsonl")))
            .flatten()
    });
    if let Some(path) = audit_log {
        let log = AuditLog::open(&path).map_err(|source| Error::Write { path, source })?;
        session.audit = Some(std::sync::Arc::new(log));
    }
    session.session_id.clone_from(&args.session);
    // An unnamed session keeps its checkpoints only as long as the REPL runs.
    let scratch = match &args.session {
        Some(_) => None,
        None => Some(
            tempfile::tempdir()
                .map_err(|source| Error::Write { path: std::env::temp_dir(), source })?,
        ),
    };
    let state_dir = match (&args.session, &scratch) {
        (Some(name), _) => StateDir::default_for(name).map(|d| d.path().to_path_buf()),
        (None, scratch) => scratch.as_ref().map(|d| d.path().to_path_buf()),
    };
    if let (Some(_), Some(dir)) = (&args.session, &state_dir) {
        // Its history file lives there from the first line on.
        std::fs::create_dir_all(dir)
            .map_err(|source| Error::Write { path: dir.clone(), source })?;
    }
    let durable = DurableConfig {
        durability: durability(args)?,
        state_dir: state_dir.clone(),
        on_crash: match args.on_crash {
            OnCrashChoice::Report => OnCrash::Report,
            OnCrashChoice::Rerun => OnCrash::Rerun,
        },
        lease: Some(lease(args.lease)?),
        ..DurableConfig::default()
    };
    let history = match (&args.history, args.no_history) {
        (_, true) => None,
        (Some(path), _) => Some(path.clone()),
        (None, _) if args.session.is_some() => state_dir.map(|d| d.join("history")),
        (None, _) => std::env::var_os("PHICODE_HISTORY").map(PathBuf::from).or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".phicode_history"))
        }),
    };
    match repl::run(ReplOptions { session, durable, table: config.table, history }) {
        Ok(status) => Ok(ExitCode::from(status)),
        Err(e) => Err(Error::Usage(format!("repl: {e}"))),
    }
}

/// Workers run by this binary at `level`, forwarding their stderr, converting cells with
/// the dialect config `dialect` when one was named.
pub(super) fn worker_session(
    level: Level,
    dialect: Option<&std::path::Path>,
) -> Result<SessionConfig, Error> {
    let mut session = SessionConfig::current_exe()
        .map_err(|source| Error::Read { path: "<phicode>".into(), source })?;
    session.forward_stderr = true;
    session.level = level;
    if let Some(file) = dialect {
        // The worker converts cells with the same dialect.
        session.env.push(("PHICODE_REPL_CONFIG".into(), file.as_os_str().to_owned()));
    }
    Ok(session)
}

fn lease(seconds: f64) -> Result<std::time::Duration, Error> {
    std::time::Duration::try_from_secs_f64(seconds).ok().filter(|d| !d.is_zero()).ok_or_else(|| {
        Error::Usage(format!("repl: --lease {seconds}: give a number of seconds above 0"))
    })
}

fn durability(args: &ReplArgs) -> Result<Durability, Error> {
    match (args.durability, &args.resonate_url) {
        (DurabilityChoice::Local, _) => Ok(Durability::Local),
        (DurabilityChoice::Remote, Some(url)) => Ok(Durability::Remote(url.clone())),
        (DurabilityChoice::Remote, None) => Err(Error::Usage(
            "repl: --durability remote needs --resonate-url URL or RESONATE_URL".into(),
        )),
    }
}
