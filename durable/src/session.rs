//! [`DurableSession`]: a session whose executions are Resonate durable invocations and
//! whose `input()` calls are durable promises.

use std::sync::Arc;

use phicode_sessions::host::{Event, Session, SessionConfig};
use phicode_sessions::protocol::Execute;
use resonate_sdk::resonate::{Resonate, ResonateConfig};
use tokio::sync::mpsc;

use crate::error::DurableError;
use crate::live::{Live, value};
use crate::outcome::Outcome;
use crate::record;

/// Where durable promises live.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Durability {
    /// In this process (`Resonate::local()`): nothing to run, nothing outlives it.
    #[default]
    Local,
    /// On a Resonate server at this URL: promises outlive the process and the machine.
    Remote(String),
}

/// A session with durable executions.
pub struct DurableSession {
    /// Runs the durable functions; holds `live` as their dependency.
    resonate: Arc<Resonate>,
    /// The session and who listens to which execution.
    live: Arc<Live>,
}

impl DurableSession {
    /// Starts a worker under `config` and the durability layer under `durability`.
    pub async fn start(
        config: SessionConfig,
        durability: Durability,
    ) -> Result<Self, DurableError> {
        let session = Session::start(config).await?;
        let live = Arc::new(Live::new(session));
        let resonate = match durability {
            Durability::Local => Resonate::local(),
            Durability::Remote(url) => {
                Resonate::new(ResonateConfig { url: Some(url), ..Default::default() })
            }
        };
        let resonate = Arc::new(resonate);
        live.attach(&resonate);
        Ok(Self { resonate, live })
    }

    /// The session underneath.
    pub fn session(&self) -> &Session {
        &self.live.session
    }

    /// Runs `request` as execution `id`, once: an id that ran before returns its stored
    /// outcome without running again. Events go to `events` while it runs.
    pub async fn execute(
        &self,
        id: &str,
        request: Execute,
        events: Option<mpsc::Sender<Event>>,
    ) -> Result<Outcome, DurableError> {
        if id.contains('.') {
            return Err(DurableError::BadId(id.to_owned()));
        }
        if let Some(events) = events {
            self.live.listen(id, events);
        }
        let outcome = record::run_once(&self.live, id, request).await;
        self.live.forget(id);
        outcome
    }

    /// Settles the promise `input()` waits on with `line` (from anywhere that has its id).
    pub async fn resolve_input(&self, input_id: &str, line: &str) -> Result<(), DurableError> {
        self.resonate.promises.resolve(input_id, value(line.into())).await?;
        Ok(())
    }

    /// Settles the promise `input()` waits on as refused: the call raises EOFError.
    pub async fn reject_input(&self, input_id: &str) -> Result<(), DurableError> {
        self.resonate.promises.reject(input_id, value(serde_json::Value::Null)).await?;
        Ok(())
    }
}
