//! Starting a worker process: spawn it in its own process group (a terminal's Ctrl-C
//! reaches the host, which decides), keep the tail of its stderr, wait for `ready`.

use std::collections::VecDeque;
use std::process::Stdio;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

use phicode_security::capability::names;

use super::config::SessionConfig;
use super::error::SessionError;
use crate::protocol::{Message, PROTOCOL_VERSION, Ready, decode, read_frame_async};

/// How much of the worker's stderr is kept for crash reports.
const TAIL: usize = 16 * 1024;

/// The last bytes a worker wrote to its stderr.
#[derive(Debug, Clone, Default)]
pub struct StderrTail(Arc<Mutex<VecDeque<u8>>>);

impl StderrTail {
    /// The kept text.
    pub fn text(&self) -> String {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes.iter().copied().collect::<Vec<u8>>()).into_owned()
    }

    fn keep(&self, data: &[u8]) {
        let mut bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        bytes.extend(data);
        let excess = bytes.len().saturating_sub(TAIL);
        bytes.drain(..excess);
    }

    async fn drain(self, mut pipe: impl AsyncRead + Unpin, forward: bool) {
        let mut buffer = vec![0u8; 4096];
        while let Ok(n) = pipe.read(&mut buffer).await {
            if n == 0 {
                return;
            }
            self.keep(&buffer[..n]);
            if forward {
                let _ = tokio::io::stderr().write_all(&buffer[..n]).await;
            }
        }
    }
}

/// A started worker, before its supervisor takes it over.
pub struct Started {
    pub child: Child,
    pub stdin: ChildStdin,
    pub stdout: BufReader<ChildStdout>,
    pub stderr: StderrTail,
    pub ready: Ready,
}

/// Starts a worker and waits for its `ready`.
pub async fn start(config: &SessionConfig, session_id: &str) -> Result<Started, SessionError> {
    let mut command = Command::new(&config.program);
    command
        .args(config.worker_args(session_id))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .process_group(0);
    if let Some(cwd) = &config.cwd {
        command.current_dir(cwd);
    }
    let env_granted = config.grant().is_ok_and(|g| g.allows(names::ENV));
    // A SANDBOX worker is wasmtime's host, not the cell: its guest starts with no
    // environment at all, and the host needs its own (the module cache, the wasm's path).
    if config.level.is_native_confined() && !env_granted {
        // No inherited secret (tokens, keys, cloud credentials) reaches a confined cell.
        command.env_clear().envs(clean_environment(config));
    }
    command.envs(config.env.iter().map(|(k, v)| (k, v)));
    let program = config.program.display().to_string();
    let mut child = command.spawn().map_err(|source| SessionError::Spawn { program, source })?;
    let (Some(stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err(SessionError::Start("the worker's pipes were not set up".into()));
    };
    let tail = StderrTail::default();
    tokio::spawn(tail.clone().drain(stderr, config.forward_stderr));
    let mut stdout = BufReader::with_capacity(64 * 1024, stdout);
    let first = tokio::time::timeout(
        config.start_timeout,
        read_frame_async(&mut stdout, config.max_frame_bytes),
    )
    .await;
    let failed = |why: String| {
        let tail = tail.text();
        SessionError::Start(if tail.is_empty() {
            why
        } else {
            format!("{why}; its stderr:\n{tail}")
        })
    };
    let payload = match first {
        Err(_) => return Err(failed(format!("no `ready` within {:?}", config.start_timeout))),
        Ok(Ok(Some(payload))) => payload,
        Ok(Ok(None)) => {
            let status = child.wait().await.map(|s| s.to_string()).unwrap_or_default();
            return Err(failed(format!("it exited ({status}) before saying `ready`")));
        }
        Ok(Err(e)) => return Err(failed(e.to_string())),
    };
    match decode(&payload, config.format)?.body {
        Message::Ready(ready) if ready.protocol_version == PROTOCOL_VERSION => {
            Ok(Started { child, stdin, stdout, stderr: tail, ready })
        }
        Message::Ready(ready) => Err(SessionError::Incompatible {
            worker: ready.protocol_version,
            host: PROTOCOL_VERSION,
        }),
        other => Err(failed(format!("its first message was `{}`, not `ready`", other.kind()))),
    }
}

/// The whole environment of a worker below TRUSTED: a plain PATH, a UTF-8 locale, and
/// home and temporary folders in its scratch folder. [`SessionConfig::env`] adds to it.
fn clean_environment(config: &SessionConfig) -> Vec<(&'static str, std::ffi::OsString)> {
    let mut env = vec![("PATH", "/usr/local/bin:/usr/bin:/bin".into()), ("LANG", "C.UTF-8".into())];
    if let Some(scratch) = &config.scratch {
        env.extend([("HOME", scratch.into()), ("TMPDIR", scratch.into())]);
    }
    env
}

/// How a worker process ended, in words.
pub fn describe_exit(status: Option<std::process::ExitStatus>) -> String {
    use std::os::unix::process::ExitStatusExt;
    let Some(status) = status else {
        return "the worker process ended (status unknown)".into();
    };
    if let Some(code) = status.code() {
        return format!("the worker process exited with status {code}");
    }
    match status.signal() {
        Some(signal) => {
            let name = match signal {
                2 => "SIGINT",
                4 => "SIGILL",
                6 => "SIGABRT",
                7 => "SIGBUS",
                8 => "SIGFPE",
                9 => "SIGKILL: killed, e.g. by the out-of-memory killer",
                11 => "SIGSEGV: segmentation fault",
                15 => "SIGTERM",
                24 => "SIGXCPU: its CPU time limit was reached",
                25 => "SIGXFSZ: its file size limit was reached",
                _ => "signal",
            };
            format!("the worker process was killed by signal {signal} ({name})")
        }
        None => format!("the worker process ended ({status})"),
    }
}
