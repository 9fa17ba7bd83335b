//! The supervisor of one worker process: the single reader of its messages, which hands
//! each to [`route`] and notices at once when the process dies. It reports nothing itself:
//! it returns why the worker is gone to the lifecycle that started it.

use std::process::ExitStatus;
use std::sync::Weak;
use std::time::Duration;

use tokio::io::BufReader;
use tokio::process::{Child, ChildStdout};
use tokio::sync::oneshot;

use super::route::{protocol_error, route};
use super::shared::Shared;
use super::spawn::{StderrTail, describe_exit};
use crate::protocol::{decode, read_frame_async};

/// Between why a worker died and its last stderr lines in the traceback of the error a dead
/// worker's execution ends with; clients that show the two apart split on it.
pub const STDERR_TAIL_MARKER: &str = "--- worker stderr (last lines) ---\n";

/// After the process exits, frames it wrote before are still read for this long.
const DRAIN: Duration = Duration::from_millis(200);

/// A started worker process, as its supervisor takes it over.
pub struct Process {
    /// The process, reaped (or killed) by the supervisor.
    pub child: Child,
    /// Its messages; the supervisor is their only reader.
    pub stdout: BufReader<ChildStdout>,
    /// The end of its stderr, for the report of its death.
    pub stderr: StderrTail,
    /// Fires, or is dropped with the link, when the session wants the process killed.
    pub kill: oneshot::Receiver<()>,
}

/// Reads and routes the worker's messages until it is gone; returns why it is, or `None`
/// when the session itself was dropped meanwhile (nobody to tell).
pub async fn run(shared: &Weak<Shared>, process: Process) -> Option<String> {
    let Process { child, mut stdout, stderr, kill } = process;
    let (exited_tx, mut exited) = oneshot::channel();
    tokio::spawn(reap(child, kill, exited_tx));
    let limit = shared.upgrade()?.config().max_frame_bytes;
    let mut status = None;
    loop {
        let frame = tokio::select! {
            frame = read_frame_async(&mut stdout, limit) => frame,
            exit = &mut exited, if status.is_none() => {
                // A forked child may hold the pipe open: read what is there, then stop.
                status = Some(exit.ok().flatten());
                match tokio::time::timeout(DRAIN, read_frame_async(&mut stdout, limit)).await {
                    Ok(frame) => frame,
                    Err(_) => break,
                }
            }
        };
        let shared = shared.upgrade()?;
        match frame {
            Ok(Some(payload)) => match decode(&payload, shared.config().format) {
                Ok(envelope) => route(&shared, envelope).await,
                Err(e) => protocol_error(&shared, &e.to_string()),
            },
            Ok(None) | Err(_) => break,
        }
    }
    let status = match status {
        Some(status) => status,
        None => exited.await.ok().flatten(),
    };
    let why = describe_exit(status);
    let tail = stderr.text();
    if tail.trim().is_empty() {
        return Some(why);
    }
    Some(format!("{why}\n{STDERR_TAIL_MARKER}{}", tail.trim_end()))
}

/// Waits for the process to exit, killing it when asked (or when the session is dropped).
async fn reap(
    mut child: Child,
    kill: oneshot::Receiver<()>,
    exited: oneshot::Sender<Option<ExitStatus>>,
) {
    tokio::select! {
        status = child.wait() => { let _ = exited.send(status.ok()); return; }
        _ = kill => { let _ = child.start_kill(); }
    }
    let _ = exited.send(child.wait().await.ok());
}
