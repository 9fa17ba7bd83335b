//! Running one execution in the worker: its events passed on live, its questions handed
//! to their durable promises, and the death of its worker survived (replaced, restored,
//! then reported or run again).

use std::sync::Arc;

use phicode_sessions::host::{Collected, Event, SessionError};
use phicode_sessions::protocol::{ErrorKind, Execute};

use crate::error::DurableError;
use crate::live::Live;
use crate::outcome::Outcome;
use crate::questions;
use crate::recovery::{OnCrash, recover};

/// Sends `request` to the worker as execution `id` and gathers its outcome, passing
/// its events on live and answering its `input()` calls through durable promises.
async fn run_in_worker(
    live: &Arc<Live>,
    id: &str,
    request: Execute,
) -> Result<Outcome, DurableError> {
    let mut execution = live.session.execute_request(Some(id.to_owned()), request).await?;
    let mut collected = Collected::default();
    while let Some(event) = execution.next().await {
        if matches!(event, Event::Input { .. } | Event::Approval { .. })
            && !questions::answer(live, &event).await
        {
            continue; // Answered from its settled promise: nobody is asked again.
        }
        collected.push(event.clone());
        live.tell(id, event).await;
    }
    Outcome::from_collected(collected).ok_or(DurableError::NoOutcome)
}

/// Runs the execution, through the death of its worker: the worker is replaced and its last
/// checkpoint restored, then the execution is reported as interrupted by the crash or, under
/// `OnCrash::Rerun`, run once more.
pub async fn survive(
    live: &Arc<Live>,
    id: &str,
    request: &Execute,
) -> Result<Outcome, DurableError> {
    let mut reruns = 0;
    loop {
        let outcome = match run_in_worker(live, id, request.clone()).await {
            // Dead before the code reached it: nothing ran, so it runs in the new worker.
            Err(DurableError::Session(SessionError::WorkerDead(_))) if reruns == 0 => {
                recover(&live.session, live.state.as_ref()).await?;
                reruns += 1;
                continue;
            }
            other => other?,
        };
        let Some(died) = outcome.error().filter(|e| e.kind == ErrorKind::WorkerDied) else {
            if let Some(count) = outcome.result().and_then(|r| r.execution_count) {
                live.done.send_replace(count);
            }
            return Ok(outcome);
        };
        let restored = recover(&live.session, live.state.as_ref()).await?;
        if live.on_crash == OnCrash::Rerun && reruns == 0 {
            reruns += 1;
            continue;
        }
        let mut outcome = outcome.clone();
        outcome.interrupted(&format!(
            "{}; {restored}; execution {id} did not finish",
            died.exception_message
        ));
        return Ok(outcome);
    }
}
