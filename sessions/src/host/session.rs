//! [`Session`]: one interactive interpreter in a supervised worker process.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{broadcast, mpsc, watch};

use super::config::SessionConfig;
use super::error::SessionError;
use super::event::{Event, Execution};
use super::lifecycle;
use super::observers::Direction;
use super::shared::Shared;
use super::state::Registration;
use crate::protocol::{
    ApprovalResponse, Cancel, Envelope, ErrorKind, Execute, Heartbeat, InputResponse, Interrupt,
    Message, Ready, Verdict,
};

/// A session: a worker process running one namespace, supervised (its death is noticed at
/// once and reported to the running execution) and restartable. Cheap to clone; the worker
/// is killed when the last handle is dropped.
#[derive(Clone)]
pub struct Session {
    /// Everything the handles and the supervisor share.
    pub(crate) shared: Arc<Shared>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("id", &self.shared.id()).finish()
    }
}

fn new_session_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("s{:x}-{:x}", std::process::id(), nanos & 0xffff_ffff_ffff)
}

impl Session {
    /// Starts a worker and waits until it is ready.
    pub async fn start(mut config: SessionConfig) -> Result<Self, SessionError> {
        let id = config.session_id.clone().unwrap_or_else(new_session_id);
        let grant = config.grant()?;
        let scratch = match (&config.scratch, config.level.is_native_confined()) {
            (None, true) => {
                let dir =
                    tempfile::Builder::new().prefix("phicode-scratch-").tempdir().map_err(|e| {
                        SessionError::Start(format!("cannot make a scratch folder: {e}"))
                    })?;
                config.scratch = Some(dir.path().to_path_buf());
                Some(dir)
            }
            _ => None,
        };
        let shared = Arc::new(Shared::new(config, id, grant, scratch));
        {
            let _starting = shared.starting().await;
            lifecycle::launch(&shared).await?;
        }
        Ok(Self { shared })
    }

    /// The session id.
    pub fn id(&self) -> &str {
        self.shared.id()
    }

    /// The live worker's `ready` (its pid, versions, capabilities), if it is alive.
    pub fn ready(&self) -> Option<Ready> {
        self.shared.ready()
    }

    /// Whether a worker is running.
    pub fn is_alive(&self) -> bool {
        self.shared.is_alive()
    }

    /// Calls `interceptor` with every message, both ways, before it is routed or sent.
    pub fn add_message_interceptor(
        &self,
        interceptor: impl Fn(Direction, &Envelope) + Send + Sync + 'static,
    ) {
        self.shared.observers().add_interceptor(Arc::new(interceptor));
    }

    /// Events that belong to no running execution (output of background tasks after their
    /// cell finished, protocol errors).
    pub fn events(&self) -> broadcast::Receiver<Event> {
        self.shared.observers().events()
    }

    /// The latest heartbeat.
    pub fn heartbeats(&self) -> watch::Receiver<Option<Heartbeat>> {
        self.shared.observers().heartbeats()
    }

    /// Runs `code` (φ or Python, detected) under a generated execution id.
    pub async fn execute(&self, code: impl Into<String>) -> Result<Execution, SessionError> {
        self.execute_request(None, Execute::new(code)).await
    }

    /// Runs `request` as execution `id` (generated when `None`). An id that already
    /// finished is not run again: its stream replays the terminal event it had.
    pub async fn execute_request(
        &self,
        id: Option<String>,
        request: Execute,
    ) -> Result<Execution, SessionError> {
        let id = id.unwrap_or_else(|| self.shared.next_id("x"));
        let (events, receiver) = mpsc::channel(self.shared.config().event_buffer.max(1));
        if let Registration::Replayed = self.shared.register_execution(&id, events)? {
            return Ok(Execution::new(id, receiver));
        }
        if let Err(e) = self.shared.send(Envelope::new(id.clone(), Message::Execute(request))).await
        {
            self.shared.forget_execution(&id);
            return Err(e);
        }
        Ok(Execution::new(id, receiver))
    }

    /// Answers the `input()` that asked `input_id`.
    pub async fn input_response(&self, input_id: &str, line: &str) -> Result<(), SessionError> {
        let body = InputResponse { input_id: input_id.into(), data: line.into(), eof: false };
        self.post(Message::InputResponse(body)).await
    }

    /// Answers the approval `approval_id`: one the code asked with `approve()`, or one the
    /// host asked for a capability call beyond the session's grant.
    pub async fn approval_response(
        &self,
        approval_id: &str,
        verdict: Verdict,
    ) -> Result<(), SessionError> {
        if self.shared.settle_host_approval(approval_id, verdict) {
            return Ok(());
        }
        let body = ApprovalResponse { approval_id: approval_id.into(), verdict };
        self.post(Message::ApprovalResponse(body)).await
    }

    /// Answers the `input()` that asked `input_id` with end of input (EOFError).
    pub async fn input_eof(&self, input_id: &str) -> Result<(), SessionError> {
        self.post(Message::InputResponse(InputResponse::eof(input_id.into()))).await
    }

    /// Asks the execution to stop; after `grace` the worker interrupts it.
    pub async fn cancel(&self, execution_id: &str, grace: Duration) -> Result<(), SessionError> {
        let grace_timeout_ms = Some(grace.as_millis() as u64);
        self.post(Message::Cancel(Cancel { execution_id: execution_id.into(), grace_timeout_ms }))
            .await
    }

    /// KeyboardInterrupt in the running code (`None`: whatever runs).
    pub async fn interrupt(&self, execution_id: Option<&str>) -> Result<(), SessionError> {
        let body =
            Interrupt { execution_id: execution_id.map(str::to_owned), force_restart: false };
        self.post(Message::Interrupt(body)).await
    }

    /// The protocol's `interrupt` with `force_restart`: when set, the worker is killed and
    /// restarted instead (for code stuck in C that never checks for signals).
    pub async fn interrupt_with(
        &self,
        execution_id: Option<&str>,
        force_restart: bool,
    ) -> Result<(), SessionError> {
        if force_restart {
            return self.restart().await;
        }
        self.interrupt(execution_id).await
    }

    /// Kills the worker and starts a fresh one (empty namespace). Running executions end
    /// with a `SessionRestarted` error.
    pub async fn restart(&self) -> Result<(), SessionError> {
        let _starting = self.shared.starting().await;
        let waiters = self.shared.retire();
        let why = "the session was restarted";
        self.shared.fail_waiters(waiters, ErrorKind::Restarted, why).await;
        lifecycle::launch(&self.shared).await
    }

    pub(crate) async fn post(&self, body: Message) -> Result<(), SessionError> {
        self.shared.send(Envelope::new(self.shared.next_id("h"), body)).await
    }
}
