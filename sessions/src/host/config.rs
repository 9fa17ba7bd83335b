//! How a session's worker is started and limited.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use std::sync::Arc;

use phicode_security::audit::AuditLog;
use phicode_security::capability::Registry;
use phicode_security::policy::{Grant, Policy, PolicyError};
use phicode_security::{Level, Limits};

use crate::protocol::{DEFAULT_MAX_FRAME, Format};

/// A session's settings.
#[derive(Debug, Clone)]
pub struct SessionConfig {
    /// The `phicode` executable.
    pub program: PathBuf,
    /// Arguments before the worker's own options (`["worker"]`).
    pub args: Vec<OsString>,
    /// Frame encoding.
    pub format: Format,
    /// Frame size limit, both ways.
    pub max_frame_bytes: u32,
    /// What each level grants (the built-in policy, or one loaded from a file).
    pub policy: Policy,
    /// This session's own narrowing of its level's grant (never a widening: see
    /// [`Grant::narrowed`]).
    pub narrow: Option<Grant>,
    /// The capabilities the host serves (`fs.read`, `fs.write`, `net.connect` and any
    /// registered custom ones).
    pub registry: Registry,
    /// Where capability calls and the worker's audit events are logged, if anywhere.
    pub audit: Option<Arc<AuditLog>>,
    /// Resource limits, on top of the grant's (the level's [`Limits::default_for`] unless
    /// the policy says otherwise): each applies only where it is lower.
    pub limits: Limits,
    /// What code in the session may do, enforced by the worker's confinement (the
    /// operating system's, or wasmtime's at [`Level::Sandbox`]).
    pub level: Level,
    /// The confined worker's read-write folder; the session makes a fresh one (removed
    /// with the session) when this is `None` and the level confines the worker.
    pub scratch: Option<PathBuf>,
    /// The worker's working folder (and the folder its dialect config is found from).
    pub cwd: Option<PathBuf>,
    /// Extra environment variables.
    pub env: Vec<(OsString, OsString)>,
    /// How long the worker may take to say `ready`.
    pub start_timeout: Duration,
    /// Heartbeat period; `None` for none.
    pub heartbeat: Option<Duration>,
    /// The session id; generated when `None`.
    pub session_id: Option<String>,
    /// Start a new worker by itself when one dies.
    pub restart_on_crash: bool,
    /// Events buffered per execution before the worker is made to wait (backpressure).
    pub event_buffer: usize,
    /// Finished executions remembered, so the same execution id is answered, not rerun.
    pub replay_memory: usize,
    /// How long a request (checkpoint, restore, complete, ...) waits for its reply.
    pub request_timeout: Duration,
    /// Copy the worker's own stderr (diagnostics, crash reports) to this process's stderr.
    pub forward_stderr: bool,
}

impl SessionConfig {
    /// Defaults for workers run as `PROGRAM worker`.
    pub fn new(program: impl Into<PathBuf>) -> Self {
        Self {
            program: program.into(),
            args: vec!["worker".into()],
            format: Format::MsgPack,
            max_frame_bytes: DEFAULT_MAX_FRAME,
            limits: Limits::default(),
            level: Level::default(),
            policy: Policy::default(),
            narrow: None,
            registry: Registry::default(),
            audit: None,
            scratch: None,
            cwd: None,
            env: Vec::new(),
            start_timeout: Duration::from_secs(30),
            heartbeat: Some(Duration::from_secs(5)),
            session_id: None,
            restart_on_crash: false,
            event_buffer: 64,
            replay_memory: 1024,
            request_timeout: Duration::from_secs(300),
            forward_stderr: false,
        }
    }

    /// Workers run by this very executable (what `phicode repl` does).
    pub fn current_exe() -> std::io::Result<Self> {
        Ok(Self::new(std::env::current_exe()?))
    }

    /// The session's grant: its level's in the policy, narrowed by [`Self::narrow`], with
    /// [`Self::limits`] lowering the limits.
    pub fn grant(&self) -> Result<Grant, PolicyError> {
        let mut level = self.policy.grant(self.level).clone();
        level.limits = level.limits.min(self.limits);
        match &self.narrow {
            Some(narrow) => level.narrowed(narrow),
            None => Ok(level),
        }
    }

    /// The worker's command-line options.
    pub(crate) fn worker_args(&self, session_id: &str) -> Vec<OsString> {
        let mut args = self.args.clone();
        let mut push = |k: &str, v: String| {
            args.push(k.into());
            args.push(v.into());
        };
        push("--format", self.format.as_str().into());
        push("--max-frame", self.max_frame_bytes.to_string());
        push("--session-id", session_id.into());
        push("--level", self.level.as_str().into());
        push(
            "--heartbeat-ms",
            self.heartbeat.map_or(0, |h| h.as_millis().max(1) as u64).to_string(),
        );
        // `Session::start` refused a policy that does not apply; this is only a fallback.
        let grant = self.grant().unwrap_or_else(|_| self.policy.grant(self.level).clone());
        let limits = grant.limits;
        let names: Vec<&str> = grant.capabilities.iter().map(String::as_str).collect();
        push("--capabilities", names.join(","));
        let flags = [
            ("--max-memory", limits.memory_bytes()),
            ("--max-cpu", limits.cpu_seconds),
            ("--max-processes", limits.processes),
            ("--max-file-size", limits.file_size_bytes()),
            ("--max-open-files", limits.open_files),
        ];
        for (flag, value) in flags {
            if let Some(value) = value {
                push(flag, value.to_string());
            }
        }
        if let Some(scratch) = &self.scratch {
            args.push("--scratch".into());
            args.push(scratch.into());
        }
        args
    }
}
