//! `input()` through durable promises: the promise of an input id is created when the
//! worker asks (or found settled, when a rerun asks again), and its settlement, by anyone
//! who has the id, is the line the worker gets.

use std::collections::HashMap;
use std::sync::Arc;

use phicode_sessions::protocol::Input;
use resonate_sdk::types::PromiseState;

use crate::live::{Live, value};

/// The tag every promise phicode makes carries (`phicode promise list` looks for it).
pub const TAG: &str = "phicode";

/// Answers the `input()` that asked `input_id` through its durable promise: at once
/// when the promise was already settled (a rerun does not ask again), else when it is
/// settled (by anyone, by id) or times out.
pub async fn answer(live: &Arc<Live>, input_id: String, input: &Input) -> bool {
    let resonate = Arc::clone(&live.resonate);
    let existing = resonate.promises.get(&input_id).await.ok();
    if existing.is_none() {
        let param = serde_json::json!({
            "prompt": input.prompt, "password": input.password, "execution": input.execution_id,
        });
        let timeout_at = input.timeout.map_or(i64::MAX, |t| now_ms() + (t * 1000.0) as i64);
        let tags = HashMap::from([(TAG.to_owned(), "input".to_owned())]);
        let created = resonate.promises.create(&input_id, timeout_at, value(param), tags).await;
        if created.is_err() {
            // No promise to wait on: the cell gets EOFError rather than hanging.
            let _ = live.session.input_eof(&input_id).await;
            return false;
        }
    }
    let asked = existing.as_ref().is_none_or(|p| p.state == PromiseState::Pending);
    let live = Arc::clone(live);
    tokio::spawn(async move {
        let settled = match resonate.get::<serde_json::Value>(&input_id).await {
            Ok(handle) => handle.result().await.ok(),
            Err(_) => None,
        };
        let line = settled.and_then(|v| v.as_str().map(str::to_owned));
        let _ = match line {
            Some(line) => live.session.input_response(&input_id, &line).await,
            None => live.session.input_eof(&input_id).await,
        };
    });
    asked
}

/// Milliseconds since the Unix epoch (Resonate's clock for timeouts).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
