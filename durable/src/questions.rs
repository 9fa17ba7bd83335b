//! The questions code asks, `input()` and `approve()`, as durable promises named by the
//! worker's deterministic question ids (`<execution>:input:<n>`, `<execution>:approve:<n>`):
//! created when the worker asks (or found settled, when a rerun asks again: then nobody is
//! asked), settled by anyone who has the id, or rejected when nobody answered in time.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use phicode_sessions::host::Event;
use phicode_sessions::protocol::Verdict;
use resonate_sdk::promises::Promises;
use resonate_sdk::types::{PromiseRecord, PromiseState};
use serde_json::{Value, json};

use crate::live::{Live, value};
use crate::open::Open;

/// The tag every promise phicode makes carries (`phicode promise list` looks for it); its
/// value is `execution`, `input` or `approval`.
pub const TAG: &str = "phicode";

/// A question an event asks: its id, the tag value and the promise's parameter.
fn question(event: &Event) -> Option<(&str, &'static str, Value)> {
    match event {
        Event::Input { input_id, input } => Some((
            input_id,
            "input",
            json!({
                "prompt": input.prompt, "password": input.password, "execution": input.execution_id,
            }),
        )),
        Event::Approval { approval_id, approval } => Some((
            approval_id,
            "approval",
            json!({
                "prompt": approval.prompt, "data": approval.data, "execution": approval.execution_id,
            }),
        )),
        _ => None,
    }
}

/// Hands the question `event` asks to its durable promise, and the promise's settlement
/// to the worker. False when the promise was settled already: the answer goes to the
/// worker at once and nobody needs to be asked.
pub async fn answer(live: &Arc<Live>, event: &Event) -> bool {
    let Some((id, kind, param)) = question(event) else { return true };
    let prompt = param["prompt"].as_str().unwrap_or_default().to_owned();
    let resonate = Arc::clone(&live.resonate);
    let id = id.to_owned();
    let found = resonate.promises.get(&id).await.ok();
    let timeout_at = live.question_timeout.map_or(i64::MAX, |t| now_ms().saturating_add(millis(t)));
    if found.is_none() {
        let tags = HashMap::from([
            (TAG.to_owned(), kind.to_owned()),
            (format!("{TAG}:session"), live.session.id().to_owned()),
        ]);
        if resonate.promises.create(&id, timeout_at, value(param), tags).await.is_err() {
            reply(live, &id, kind, None).await; // No promise to wait on: refuse, never hang.
            return false;
        }
    }
    let asked = found.as_ref().is_none_or(|p| p.state == PromiseState::Pending);
    if asked {
        live.open.add(Open { id: id.clone(), kind: kind.to_owned(), prompt });
    }
    let (live, limit) = (Arc::clone(live), live.question_timeout);
    tokio::spawn(async move {
        let waited = async {
            if let Ok(handle) = resonate.get::<Value>(&id).await {
                let _ = handle.result().await;
            }
        };
        let in_time = match limit {
            Some(limit) => tokio::time::timeout(limit, waited).await.is_ok(),
            None => {
                waited.await;
                true
            }
        };
        if !in_time {
            let _ = resonate.promises.reject(&id, value(json!({"timeout": true}))).await;
        }
        let settled = resonate.promises.get(&id).await.ok();
        live.open.remove(&id);
        reply(&live, &id, kind, settled.as_ref()).await;
    });
    asked
}

/// Settles question `id` as whoever answers it chose: resolved with `line` (`input()` reads
/// it, `approve()` returns True), or rejected for `None` (EOFError, False).
pub async fn settle(
    promises: &Promises,
    id: &str,
    line: Option<&str>,
) -> resonate_sdk::error::Result<PromiseRecord> {
    match line {
        Some(line) => promises.resolve(id, value(line.into())).await,
        None => promises.reject(id, value(Value::Null)).await,
    }
}

/// Sends the worker what `settled` says (refusal when there is no settled promise).
async fn reply(live: &Live, id: &str, kind: &str, settled: Option<&PromiseRecord>) {
    let timed_out = settled.is_some_and(|p| {
        p.state == PromiseState::RejectedTimedout
            || p.value.data_or_null()["timeout"] == json!(true)
    });
    let resolved = settled.filter(|p| p.state == PromiseState::Resolved);
    let session = &live.session;
    let _ = if kind == "input" {
        match resolved.map(|p| p.value.data_or_null()) {
            Some(Value::String(line)) => session.input_response(id, &line).await,
            Some(other) => session.input_response(id, &other.to_string()).await,
            None => session.input_eof(id).await,
        }
    } else {
        let verdict = match (resolved, timed_out) {
            (Some(_), _) => Verdict::Granted,
            (None, true) => Verdict::TimedOut,
            (None, false) => Verdict::Denied,
        };
        session.approval_response(id, verdict).await
    };
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Milliseconds since the Unix epoch (Resonate's clock for timeouts).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, millis)
}
