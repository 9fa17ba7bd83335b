//! [`DurableSession`]: a session whose executions and `input()` calls are durable
//! promises, whose namespace is checkpointed into a state folder, and whose dead workers
//! are replaced with the last checkpoint restored.

use std::sync::Arc;

use phicode_sessions::host::{Event, Session, SessionConfig};
use phicode_sessions::protocol::Execute;
use resonate_sdk::resonate::{Resonate, ResonateConfig};
use tokio::sync::mpsc;

use crate::config::{Durability, DurableConfig};
use crate::control::Listener;
use crate::error::DurableError;
use crate::functions::{LiveSlot, cell, send_cell};
use crate::ids::ExecutionIds;
use crate::invoke;
use crate::live::Live;
use crate::outcome::Outcome;
use crate::questions::settle;
use crate::record;
use crate::recovery::{
    Checkpointed, Restored, checkpoint_now, checkpointer, recover, restore_last,
};
use crate::state::StateDir;

/// A session with durable executions.
pub struct DurableSession {
    /// The session, its promises, state folder and listeners.
    live: Arc<Live>,
    /// Makes the ids of executions the caller does not name.
    ids: ExecutionIds,
    /// Executions are durable invocations leased to this host (remote mode) rather than
    /// plain promises (local mode, where no other host could take one over).
    remote: bool,
    /// Where `phicode promise` reaches this session (none if the socket could not be made).
    _control: Option<Listener>,
}

impl DurableSession {
    /// Starts a worker under `config` with durability as `durable` says.
    pub async fn start(
        mut config: SessionConfig,
        durable: DurableConfig,
    ) -> Result<Self, DurableError> {
        // The promises remember finished executions; the session's own memory would replay
        // a crash's report to the rerun of the same id.
        config.replay_memory = 0;
        Self::over(Session::start(config).await?, durable).await
    }

    /// Makes a started session durable (its `replay_memory` should be 0: see `start`).
    pub async fn over(session: Session, durable: DurableConfig) -> Result<Self, DurableError> {
        let remote = matches!(durable.durability, Durability::Remote(_));
        let resonate = match durable.durability {
            Durability::Local => Resonate::local(),
            Durability::Remote(url) => {
                let ttl = durable.lease.map(|l| u64::try_from(l.as_millis()).unwrap_or(u64::MAX));
                Resonate::new(ResonateConfig { url: Some(url), ttl, ..Default::default() })
            }
        };
        let slot = Arc::new(LiveSlot::default());
        let resonate = Arc::new(resonate.with_dependency(Arc::clone(&slot)));
        resonate.register(cell)?;
        resonate.register(send_cell)?;
        let state = match (durable.checkpoints, durable.state_dir) {
            (false, _) => None,
            (true, Some(path)) => Some(StateDir::new(path)),
            (true, None) => StateDir::default_for(session.id()),
        };
        let live = Live::new(
            session.clone(),
            resonate,
            state.clone(),
            durable.on_crash,
            durable.question_timeout,
        );
        let live = Arc::new(live);
        slot.fill(&live);
        if let Some(state) = state {
            let done = live.done.subscribe();
            tokio::spawn(checkpointer(session, state, done, durable.checkpoint_idle));
        }
        let control = Listener::start(&live);
        let ids = ExecutionIds::new(live.session.id());
        Ok(Self { live, ids, remote, _control: control })
    }

    /// The session underneath.
    pub fn session(&self) -> &Session {
        &self.live.session
    }

    /// The state folder, when checkpoints are taken.
    pub fn state_dir(&self) -> Option<&std::path::Path> {
        self.live.state.as_ref().map(StateDir::path)
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
        let outcome = if self.remote {
            invoke::run_invoked(&self.live, id, request).await
        } else {
            record::run_once(&self.live, id, request).await
        };
        self.live.forget(id);
        outcome
    }

    /// Restores the session's last checkpoint, if its state folder has one (a named session
    /// started again after its REPL exited or was killed); `None` when there is none.
    pub async fn resume(&self) -> Result<Option<Restored>, DurableError> {
        let restored = restore_last(&self.live.session, self.live.state.as_ref()).await?;
        if let Some(as_of) = restored.as_ref().and_then(|r| r.as_of) {
            // What is restored is as good as checkpointed: no new checkpoint for it.
            self.live.done.send_replace(as_of);
        }
        Ok(restored)
    }

    /// Checkpoints the namespace into the state folder now (what a host does before it
    /// stops); `None` when the session keeps no checkpoints.
    pub async fn checkpoint_now(&self) -> Result<Option<Checkpointed>, DurableError> {
        let live = &self.live;
        let after = *live.done.borrow(); // The guard must not live across the await.
        checkpoint_now(&live.session, live.state.as_ref(), after).await
    }

    /// The ids of the questions (`input()`, `approve()`) waiting for an answer now.
    pub fn open_questions(&self) -> Vec<String> {
        self.live.open.list().into_iter().map(|open| open.id).collect()
    }

    /// Replaces a dead (or live) worker and restores the last checkpoint into the new one.
    pub async fn recover(&self) -> Result<Restored, DurableError> {
        recover(&self.live.session, self.live.state.as_ref()).await
    }

    /// A fresh execution id of this session (`<session>:<run>-<n>`).
    pub fn next_id(&self) -> String {
        self.ids.next()
    }

    /// Resolves the promise of a question: `input()` gets `answer` as its line, `approve()`
    /// returns True. Anyone with the id may do this, from anywhere the promise reaches.
    pub async fn resolve(&self, id: &str, answer: &str) -> Result<(), DurableError> {
        settle(&self.live.resonate.promises, id, Some(answer)).await?;
        Ok(())
    }

    /// Rejects the promise of a question: `input()` raises EOFError, `approve()` returns
    /// False.
    pub async fn reject(&self, id: &str) -> Result<(), DurableError> {
        settle(&self.live.resonate.promises, id, None).await?;
        Ok(())
    }
}
