//! Executions as durable promises (local mode): the promise named by an execution id holds
//! its request while it runs and its [`Outcome`] once it ended. The caller that claims the
//! id and creates the promise sends the code, once; one that finds it settled gets the
//! stored outcome without running anything; one that finds the id claimed waits for it.

use std::collections::HashMap;
use std::sync::Arc;

use phicode_sessions::protocol::Execute;
use resonate_sdk::types::{PromiseRecord, PromiseState};

use crate::error::DurableError;
use crate::live::{Live, value};
use crate::outcome::Outcome;
use crate::questions::TAG;
use crate::running::survive;

/// Runs `request` as execution `id` at most once, and records its outcome before
/// returning it.
pub async fn run_once(
    live: &Arc<Live>,
    id: &str,
    request: Execute,
) -> Result<Outcome, DurableError> {
    let resonate = &live.resonate;
    if !live.claim(id) {
        // Running here already, under another caller: wait for the same outcome.
        return wait(live, id).await;
    }
    let param = value(serde_json::to_value(&request).unwrap_or_default());
    let tags = HashMap::from([(TAG.to_owned(), "execution".to_owned())]);
    // Creating is idempotent: a promise made before comes back as it is. Only this process
    // makes local promises, and it claimed the id: a pending one is its own, just made.
    let created = resonate.promises.create(id, i64::MAX, param, tags).await;
    let outcome = match created {
        Ok(record) if record.state == PromiseState::Pending => survive(live, id, &request).await,
        Ok(record) => {
            live.release(id);
            return settled(live, id, record).await;
        }
        Err(e) => Err(e.into()),
    };
    let recorded = match outcome {
        Ok(outcome) => {
            let stored = value(serde_json::to_value(&outcome).unwrap_or_default());
            resonate.promises.resolve(id, stored).await.map(|_| outcome).map_err(Into::into)
        }
        Err(e) => Err(e),
    };
    live.release(id);
    recorded
}

/// The outcome of a promise found: stored, or waited for when it is still pending.
async fn settled(
    live: &Arc<Live>,
    id: &str,
    found: PromiseRecord,
) -> Result<Outcome, DurableError> {
    match found.state {
        PromiseState::Pending => wait(live, id).await,
        _ => decode(id, found.value.data_or_null()),
    }
}

async fn wait(live: &Arc<Live>, id: &str) -> Result<Outcome, DurableError> {
    let resonate = &live.resonate;
    let stored = resonate.get::<serde_json::Value>(id).await?.result().await?;
    decode(id, stored)
}

fn decode(id: &str, stored: serde_json::Value) -> Result<Outcome, DurableError> {
    serde_json::from_value(stored)
        .map_err(|e| DurableError::Unreadable { id: id.to_owned(), why: e.to_string() })
}

#[cfg(test)]
mod tests {
    /// Outcomes are stored as JSON text, and a rerun of an id must return the very outcome
    /// the first run did: every float comes back as the same f64 (an execution time came
    /// back one unit in the last place off before serde_json's `float_roundtrip`).
    #[test]
    fn floats_in_a_stored_outcome_come_back_exactly() {
        let seen: f64 = "0.00040144400009012315".parse().unwrap_or_default();
        let mut bits = 0x9e37_79b9_7f4a_7c15_u64;
        let spread = std::iter::repeat_with(|| {
            bits = bits.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            f64::from_bits(bits >> 2) // Positive and finite.
        });
        for x in std::iter::once(seen).chain(spread.take(100_000)) {
            let text = serde_json::to_string(&x).unwrap_or_default();
            let back: f64 = serde_json::from_str(&text).unwrap_or_default();
            assert_eq!(back.to_bits(), x.to_bits(), "{text}");
        }
    }
}
