//! A session's workers over time: [`launch`] starts one, makes it the live worker and
//! hands it to a supervisor; when the supervisor returns the worker's exit, it is reported
//! to the shared state and, with `restart_on_crash`, the next worker is started.

use std::sync::{Arc, Weak};

use tokio::sync::{Mutex as AsyncMutex, oneshot};

use super::error::SessionError;
use super::observers::Direction;
use super::shared::Shared;
use super::spawn;
use super::state::Link;
use super::supervise::{self, Process};
use crate::protocol::{Envelope, Message};

/// Starts a worker and makes it the session's live one, supervised from then on. The
/// caller holds [`Shared::starting`].
pub async fn launch(shared: &Arc<Shared>) -> Result<(), SessionError> {
    let (generation, process) = start(shared).await?;
    tokio::spawn(supervise_until_gone(Arc::downgrade(shared), generation, process));
    Ok(())
}

/// Starts a worker and installs its link; returns its generation and its process.
async fn start(shared: &Shared) -> Result<(u64, Process), SessionError> {
    let started = spawn::start(shared.config(), shared.id()).await?;
    let (kill, killed) = oneshot::channel();
    let ready = Envelope::new("ready", Message::Ready(started.ready.clone()));
    let stdin = Arc::new(AsyncMutex::new(started.stdin));
    let generation = shared.install(Link { stdin, _kill: kill, ready: started.ready });
    shared.observers().intercept(Direction::Incoming, &ready);
    let (child, stdout, stderr) = (started.child, started.stdout, started.stderr);
    Ok((generation, Process { child, stdout, stderr, kill: killed }))
}

/// Supervises the worker of `generation`, then each one started after a crash, until the
/// session is dropped, its worker was replaced or shut down, or one dies for good.
async fn supervise_until_gone(session: Weak<Shared>, mut generation: u64, mut process: Process) {
    loop {
        let Some(why) = supervise::run(&session, process).await else { return };
        // Held only between workers: dropping the session's last handle must end it.
        let Some(shared) = session.upgrade() else { return };
        if !shared.worker_gone(generation, &why).await || !shared.config().restart_on_crash {
            return;
        }
        let _starting = shared.starting().await;
        if shared.is_alive() {
            return; // A restart came first.
        }
        (generation, process) = match start(&shared).await {
            Ok(next) => next,
            Err(_) => return,
        };
    }
}
