//! Executions as Resonate durable invocations (remote mode): the invocation named by the
//! execution id runs `cell` once, leased to this host, and records its outcome before the
//! caller sees it; the same id again awaits that record.

use std::collections::HashMap;
use std::sync::Arc;

use phicode_sessions::protocol::Execute;

use crate::error::DurableError;
use crate::functions::{CellRequest, cell};
use crate::live::Live;
use crate::outcome::Outcome;
use crate::questions::TAG;

/// Runs `request` as execution `id` at most once, as a durable invocation.
pub async fn run_invoked(
    live: &Arc<Live>,
    id: &str,
    request: Execute,
) -> Result<Outcome, DurableError> {
    let tags = HashMap::from([
        (TAG.to_owned(), "execution".to_owned()),
        (format!("{TAG}:session"), live.session.id().to_owned()),
    ]);
    let request = CellRequest { id: id.to_owned(), execute: request };
    Ok(live.resonate.run(id, cell, request).tags(tags).await?)
}
