//! `phicode sessions`: list, show and remove the named sessions' state folders.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::SystemTime;

use phicode_durable::control::{Request, Response, host_of};
use phicode_durable::{StateDir, sessions_dir};

use super::emit::emit;
use crate::cli::{SessionsAction, SessionsArgs, session_name};
use crate::error::Error;

/// How many lines of history `show` prints.
const HISTORY_SHOWN: usize = 10;

/// Runs one `phicode sessions` action.
pub fn run(args: &SessionsArgs) -> Result<ExitCode, Error> {
    let text = match &args.action {
        SessionsAction::List => list(),
        SessionsAction::Show { name } => show(&folder(name)?, name),
        SessionsAction::Rm { name } => return remove(&folder(name)?, name),
    };
    emit(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// The folder of session `name`, which must exist.
fn folder(name: &str) -> Result<StateDir, Error> {
    let name =
        session_name(name).map_err(|why| Error::Usage(format!("sessions: {name:?}: {why}")))?;
    match StateDir::default_for(&name) {
        Some(dir) if dir.path().is_dir() => Ok(dir),
        _ => {
            Err(Error::Usage(format!("sessions: no session named {name} (phicode sessions list)")))
        }
    }
}

fn list() -> String {
    let mut text = String::new();
    for (name, dir) in StateDir::all() {
        let running = if host_of(&name).is_some() { "running" } else { "-" };
        let _ = writeln!(text, "{name}\t{running}\t{}", checkpoint(&dir));
    }
    if text.is_empty() {
        let place =
            sessions_dir().map_or_else(|| "(no home folder)".into(), |d| d.display().to_string());
        text = format!("no named sessions in {place} (phicode repl --session NAME starts one)\n");
    }
    text
}

fn show(dir: &StateDir, name: &str) -> String {
    let mut text = format!(
        "session {name}\nfolder {}\ncheckpoint {}\n",
        dir.path().display(),
        checkpoint(dir)
    );
    match host_of(name).map(|host| host.ask(&Request::List)) {
        Some(Ok(Response::Open { questions, .. })) => {
            let _ = writeln!(text, "running, {} open questions", questions.len());
            for q in questions {
                let _ = writeln!(text, "  {}\t{}\t{}", q.id, q.kind, q.prompt.escape_debug());
            }
        }
        _ => text.push_str("not running\n"),
    }
    let history = std::fs::read_to_string(dir.path().join("history")).unwrap_or_default();
    let lines: Vec<&str> = history.lines().filter(|l| !l.starts_with("#V")).collect();
    text.push_str("history (latest last):\n");
    for line in &lines[lines.len().saturating_sub(HISTORY_SHOWN)..] {
        let _ = writeln!(text, "  {line}");
    }
    text
}

fn remove(dir: &StateDir, name: &str) -> Result<ExitCode, Error> {
    if host_of(name).is_some() {
        return Err(Error::Usage(format!("sessions: {name} is running; leave its REPL first")));
    }
    std::fs::remove_dir_all(dir.path())
        .map_err(|source| Error::Write { path: dir.path().to_path_buf(), source })?;
    Ok(ExitCode::SUCCESS)
}

/// `cell 7, 12 names, 3.1 KiB, 2 min ago`, or `none`.
fn checkpoint(dir: &StateDir) -> String {
    let (Some(taken), Some((size, when))) = (dir.taken(), dir.checkpoint_file()) else {
        return "no checkpoint".into();
    };
    let age = SystemTime::now().duration_since(when).map_or(0, |d| d.as_secs());
    let age = match age {
        0..60 => format!("{age} s ago"),
        60..3600 => format!("{} min ago", age / 60),
        3600..86400 => format!("{} h ago", age / 3600),
        _ => format!("{} days ago", age / 86400),
    };
    format!("cell {}, {} names, {:.1} KiB, {age}", taken.cell, taken.names, size as f64 / 1024.0)
}
