//! Cells in the sandbox: φ and Python, values, exceptions, names across cells, input.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::Host;
use phicode_sessions::protocol::{ErrorKind, InputResponse, Message, PROTOCOL_VERSION};

#[test]
fn ready_announces_the_protocol_and_only_what_the_sandbox_does() {
    let host = Host::start();
    let Message::Ready(ready) = &host.ready.body else { panic!("not ready: {:?}", host.ready) };
    assert_eq!(ready.protocol_version, PROTOCOL_VERSION);
    assert!(ready.python_version.starts_with("3."), "{}", ready.python_version);
    assert!(ready.capabilities.contains(&"phicode".to_owned()));
    assert!(!ready.capabilities.contains(&"async".to_owned()));
    assert!(matches!(host.close(), Ok(phicode_sandbox::Ended::HostGone)));
}

#[test]
fn a_phi_cell_prints_and_a_value_comes_back() {
    let mut host = Host::start();
    let run = host.run("π(1 + 1)");
    assert_eq!(run.stdout, "2\n");
    assert_eq!(run.value().repr, None);
    let run = host.run("x = [1, 'a', None]\nx");
    assert_eq!(run.value().repr.as_deref(), Some("[1, 'a', None]"));
    assert_eq!(run.value().value, Some(serde_json::json!([1, "a", null])));
    assert_eq!(run.value().execution_count, Some(2));
    let run = host
        .run("import sys\nsys.stdout.buffer.write('é\\n'.encode())\nsys.stderr.write('warned')");
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("é\n", "warned"));
    let run = host.run("ƒ double(n): ⟲ n * 2\ndouble(x[0])");
    assert_eq!(run.value().value, Some(serde_json::json!(2)));
}

#[test]
fn an_exception_has_a_cell_traceback_without_the_driver() {
    let mut host = Host::start();
    host.run("a = 1");
    let run = host.run("def f():\n    return 1 / 0\nf()");
    let error = run.error();
    assert_eq!(error.kind, ErrorKind::Exception);
    assert_eq!(error.exception_type, "ZeroDivisionError");
    assert_eq!(error.exception_message, "division by zero");
    assert!(error.traceback.contains("File \"<cell 2>\", line 3"), "{}", error.traceback);
    assert!(error.traceback.contains("return 1 / 0"), "{}", error.traceback);
    assert!(!error.traceback.contains("phicode-sandbox"), "{}", error.traceback);
    assert_eq!(error.frames.last().map(|f| f.name.as_str()), Some("f"));
    assert_eq!(host.run("a").value().value, Some(serde_json::json!(1)));
    // A φ cell's frames show its φ lines.
    let error = host.run("ƒ g():\n    ⟲ 1 / 0\ng()").error.unwrap();
    assert!(error.traceback.contains("File \"<cell 4>\", line 2, in g"), "{}", error.traceback);
    assert!(error.traceback.contains("⟲ 1 / 0"), "{}", error.traceback);
}

#[test]
fn a_phi_syntax_error_shows_the_phi_line() {
    let mut host = Host::start();
    let error = host.run("π(1\n¿ ✓:").error.unwrap();
    assert_eq!(error.exception_type, "SyntaxError");
    assert!(error.traceback.contains("<cell 1>"), "{}", error.traceback);
}

#[test]
fn input_asks_the_host_with_deterministic_ids() {
    let mut host = Host::start();
    let id = host.send(Message::Execute(phicode_sessions::protocol::Execute::new(
        "name = input('who? ')\nname.upper()",
    )));
    let asked = loop {
        let envelope = host.recv();
        if let Message::Input(input) = &envelope.body {
            assert_eq!(input.prompt, "who? ");
            break envelope.id;
        }
    };
    assert_eq!(asked, format!("{id}:input:1"));
    host.send(Message::InputResponse(InputResponse {
        input_id: asked,
        data: "ada".into(),
        eof: false,
    }));
    assert_eq!(host.finish(&id).value().repr.as_deref(), Some("'ADA'"));
}

#[test]
fn a_failed_cell_rolls_back_under_rollback_on_failure() {
    use phicode_sessions::protocol::{Execute, TransactionPolicy};
    let mut host = Host::start();
    host.run("x = 1");
    let mut execute = Execute::new("x = 2\ny = 3\n1 / 0");
    execute.transaction_policy = TransactionPolicy::RollbackOnFailure;
    let id = host.send(Message::Execute(execute));
    assert_eq!(host.finish(&id).error().exception_type, "ZeroDivisionError");
    assert_eq!(host.run("x, 'y' in dir()").value().value, Some(serde_json::json!([1, false])));
}
