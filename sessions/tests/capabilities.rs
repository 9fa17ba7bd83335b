//! Capabilities as a cell sees them: the built-in ones the host serves, a custom one
//! registered from Rust, and refusals that say what would allow the call.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;

use common::{config, next_non_output, run, value, within};
use phicode_security::capability::{CallError, Capability, Decision};
use phicode_security::policy::{Grant, default_grant};
use phicode_sessions::host::{Event, Level, Session};
use phicode_sessions::protocol::Verdict;
use serde_json::{Value, json};

/// A custom capability: `greet.hello(name=...)` answered by the host.
struct Hello;

impl Capability for Hello {
    fn name(&self) -> &str {
        "greet.hello"
    }

    fn check(&self, arguments: &Value, _grant: &Grant) -> Result<Decision, CallError> {
        match arguments.get("name").and_then(Value::as_str) {
            Some(_) => Ok(Decision::Allow),
            None => Err(CallError::BadArguments("greet.hello(name=...)".into())),
        }
    }

    fn run(&self, arguments: &Value) -> Result<Value, CallError> {
        Ok(json!(format!("hello, {}", arguments["name"].as_str().unwrap_or_default())))
    }
}

async fn standard_session(grant: impl FnOnce(&mut Grant)) -> Session {
    let mut settings = config();
    settings.level = Level::Standard;
    let mut standard = default_grant(Level::Standard);
    grant(&mut standard);
    settings.policy.set(Level::Standard, standard).unwrap();
    settings.registry.register(Arc::new(Hello)).unwrap();
    within(30, Session::start(settings)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_custom_capability_is_called_from_the_cell_when_granted() {
    let session = standard_session(|g| {
        g.capabilities.insert("greet.hello".into());
    })
    .await;
    assert_eq!(value(&session, "greet.hello(name='Ada')").await, "'hello, Ada'");
    let done = run(&session, "greet.hello(who='Ada')").await;
    assert_eq!(done.error().unwrap().exception_type, "TypeError");
    assert!(value(&session, "capabilities()").await.contains("'greet.hello'"));
}

#[tokio::test(flavor = "multi_thread")]
async fn files_inside_the_grant_are_read_and_written_by_the_host() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let session = standard_session(|g| g.write = vec![root.clone()]).await;
    let file = root.join("note.txt").display().to_string();
    assert_eq!(value(&session, &format!("fs.write({file:?}, 'φ ok')")).await, "4");
    assert_eq!(value(&session, &format!("fs.read({file:?})")).await, "'φ ok'");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "φ ok");
    // A symlink inside the grant that leads outside is checked where it leads.
    std::os::unix::fs::symlink("/etc/passwd", root.join("link")).unwrap();
    let link = root.join("link").display().to_string();
    let mut execution = session.execute(format!("fs.read({link:?})")).await.unwrap();
    let Event::Approval { approval_id, approval } = next_non_output(&mut execution).await else {
        panic!("no approval asked")
    };
    assert_eq!(approval.data["path"], "/etc/passwd");
    session.approval_response(&approval_id, Verdict::Denied).await.unwrap();
    let Event::Error(error) = next_non_output(&mut execution).await else { panic!("no error") };
    assert_eq!(error.exception_type, "PermissionError", "{error:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_capability_the_level_does_not_grant_is_refused_naming_the_level_that_would() {
    let mut settings = config();
    settings.level = Level::Restricted;
    let session = within(30, Session::start(settings)).await.unwrap();
    let done = run(&session, "fs").await;
    assert_eq!(done.error().unwrap().exception_type, "NameError");
    // A forged call (the cell reaching past the names it was given) is checked by the host.
    let done = run(&session, "import _phicode_worker as W, json\nW.request_call(__import__('_phicode_engine.context').context.CURRENT.get().id, 'fs.read', json.dumps({'path': '/etc/passwd'}))").await;
    let error = done.error().unwrap();
    assert_eq!(error.exception_type, "PermissionError", "{error:?}");
    assert!(
        error.exception_message.contains("level restricted does not grant `fs.read`"),
        "{}",
        error.exception_message
    );
    assert!(
        error.exception_message.contains("level standard and above"),
        "{}",
        error.exception_message
    );
}
