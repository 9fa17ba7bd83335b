//! The durable functions of remote mode: `cell`, one execution, whose only step
//! `send_cell` runs it in this host's worker. Resonate leases the invocation to the host
//! running it: when that host dies, another host of the group takes the invocation over
//! once the lease runs out, and runs the step (which never completed) in its own worker.

use std::sync::{Arc, OnceLock, Weak};

use phicode_sessions::protocol::Execute;
use resonate_sdk::prelude::*;
use serde::{Deserialize, Serialize};

use crate::live::Live;
use crate::outcome::Outcome;
use crate::running::survive;

/// What `cell` runs: the execution id and its request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CellRequest {
    /// The execution id (the invocation's root id).
    pub id: String,
    /// The `execute` request.
    pub execute: Execute,
}

/// The live side the functions run on, set once it exists (Resonate, which holds this as a
/// dependency, is made before it).
#[derive(Debug, Default)]
pub struct LiveSlot(OnceLock<Weak<Live>>);

impl LiveSlot {
    /// Fills the slot.
    pub fn fill(&self, live: &Arc<Live>) {
        let _ = self.0.set(Arc::downgrade(live));
    }
}

/// One execution, durably.
#[resonate_sdk::function]
pub async fn cell(ctx: &Context, request: CellRequest) -> Result<Outcome> {
    ctx.run(send_cell, request).await
}

/// Runs the execution in this host's worker.
#[resonate_sdk::function]
pub async fn send_cell(ctx: &Context, request: CellRequest) -> Result<Outcome> {
    let failed = |why: String| Error::Application { message: why };
    let slot = ctx.get_dependency::<Arc<LiveSlot>>();
    let live =
        slot.0.get().and_then(Weak::upgrade).ok_or_else(|| failed("the session is gone".into()))?;
    survive(&live, &request.id, &request.execute).await.map_err(|e| failed(e.to_string()))
}
