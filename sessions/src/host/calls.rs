//! The capability host: answers a cell's `call` (after checking it against the session's
//! grant, and asking a person through an approval when it goes beyond it) and writes the
//! audit log, for calls and for what the worker's audit hooks saw.

use std::sync::Arc;

use phicode_security::Level;
use phicode_security::audit::{AuditLog, Outcome, Record, Source};
use phicode_security::capability::{CallError, Decision};
use serde_json::Value;

use super::deliver::deliver;
use super::event::Event;
use super::shared::Shared;
use crate::protocol::{
    Approval, AuditEvent, Call, CallFailure, CallReply, Envelope, ErrorKind, ErrorMessage, Message,
    Verdict,
};

/// Answers `call` in a task of its own, so the session keeps reading the worker (and its
/// other executions' output) while a person decides.
pub fn serve(shared: Arc<Shared>, call_id: String, call: Call) {
    tokio::spawn(async move {
        let outcome = decide_and_run(&shared, &call_id, &call).await;
        let (value, failure, message) = match outcome {
            Ok(value) => (value, None, String::new()),
            Err((failure, message)) => (Value::Null, Some(failure), message),
        };
        let reply = CallReply { call_id, value, failure, message };
        let _ = shared.send(Envelope::new(shared.next_id("h"), Message::CallReply(reply))).await;
    });
}

type Refusal = (CallFailure, String);

async fn decide_and_run(
    shared: &Arc<Shared>,
    call_id: &str,
    call: &Call,
) -> Result<Value, Refusal> {
    let level = shared.config().level;
    let name = call.capability.as_str();
    let log = |outcome, note: Option<&str>| audit(shared, call, outcome, note);
    if !shared.grant().allows(name) {
        let why = format!("level {level} does not grant `{name}`{}", who_grants(name));
        log(Outcome::Denied, Some(&why));
        return Err((CallFailure::Denied, why));
    }
    let Some(capability) = shared.config().registry.get(name).cloned() else {
        let why = format!("no capability `{name}` is served by this host");
        log(Outcome::Denied, Some(&why));
        return Err((CallFailure::Denied, why));
    };
    let decision = match level {
        Level::Unrestricted => Ok(Decision::Allow),
        _ => capability.check(&call.arguments, shared.grant()),
    };
    let approved_by = match decision.map_err(|e| refusal(&e))? {
        Decision::Allow => None,
        Decision::Ask { prompt, data } => {
            let approval_id = format!("{call_id}:approve");
            match ask(shared, &approval_id, call, prompt, data).await {
                Verdict::Granted => Some(format!("approved ({approval_id})")),
                verdict => {
                    let why = format!(
                        "`{name}` beyond the grant of level {level}: approval {approval_id} was {}",
                        words(verdict)
                    );
                    log(Outcome::Denied, Some(&why));
                    return Err((CallFailure::Denied, why));
                }
            }
        }
    };
    let arguments = call.arguments.clone();
    let ran = tokio::task::spawn_blocking(move || capability.run(&arguments)).await;
    let ran = ran.unwrap_or_else(|e| Err(CallError::Failed(format!("the capability failed: {e}"))));
    match ran {
        Ok(value) => {
            log(Outcome::Granted, approved_by.as_deref());
            Ok(value)
        }
        Err(e) => {
            log(Outcome::Failed, Some(&e.to_string()));
            Err(refusal(&e))
        }
    }
}

/// Asks whoever follows the execution (a person at the REPL, a durable promise settled
/// from elsewhere) and waits for the verdict; nobody following means denied.
async fn ask(
    shared: &Shared,
    approval_id: &str,
    call: &Call,
    prompt: String,
    data: Value,
) -> Verdict {
    let verdict = shared.wait_host_approval(approval_id);
    let approval = Approval { execution_id: call.execution_id.clone(), prompt, data };
    deliver(shared, Event::Approval { approval_id: approval_id.to_owned(), approval }).await;
    verdict.await.unwrap_or(Verdict::Denied)
}

fn refusal(error: &CallError) -> Refusal {
    let failure = match error {
        CallError::BadArguments(_) => CallFailure::BadArguments,
        CallError::Denied(_) => CallFailure::Denied,
        CallError::Failed(_) => CallFailure::Failed,
    };
    (failure, error.to_string())
}

fn words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Granted => "granted",
        Verdict::Denied => "denied",
        Verdict::TimedOut => "not answered in time",
    }
}

/// Which levels grant `name` by default, for the denial message.
fn who_grants(name: &str) -> String {
    let grants =
        Level::ALL.into_iter().find(|&l| phicode_security::policy::default_grant(l).allows(name));
    grants.map_or_else(String::new, |l| format!(" (level {l} and above do by default)"))
}

fn audit(shared: &Shared, call: &Call, outcome: Outcome, note: Option<&str>) {
    let Some(log) = &shared.config().audit else { return };
    let record = Record {
        time: crate::protocol::now(),
        session: shared.id(),
        execution: Some(&call.execution_id),
        level: shared.config().level,
        source: Source::Capability,
        action: &call.capability,
        detail: call.arguments.clone(),
        outcome,
        note,
    };
    write(shared, log, &record);
}

/// Logs what the worker's audit hook saw.
pub fn observed(shared: &Shared, event: AuditEvent) {
    let Some(log) = &shared.config().audit else { return };
    let record = Record {
        time: crate::protocol::now(),
        session: shared.id(),
        execution: event.execution_id.as_deref(),
        level: shared.config().level,
        source: Source::Worker,
        action: &event.event,
        detail: Value::from(event.arguments),
        outcome: Outcome::Observed,
        note: None,
    };
    write(shared, log, &record);
}

/// Appends `record`; a failure is told on the session's general channel (the host keeps
/// serving: a full disk must not stop the session, but it must not go unnoticed).
fn write(shared: &Shared, log: &AuditLog, record: &Record<'_>) {
    if let Err(e) = log.write(record) {
        let why = format!("cannot write the audit log: {e}");
        let error = ErrorMessage::synthetic(None, ErrorKind::Protocol, "AuditLogError", &why);
        shared.observers().publish(Event::Error(error));
    }
}
