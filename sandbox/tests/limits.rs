//! Limits end the instance; the session goes on in a fresh one, with the names it had
//! before the cell that was stopped.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::time::Duration;

use common::{Host, options};
use phicode_sandbox::Limits;
use phicode_sessions::protocol::{ErrorKind, Execute, Interrupt, Message};

fn small() -> Limits {
    Limits {
        memory_bytes: 96 * 1024 * 1024,
        cell_time: Duration::from_secs(3),
        output_bytes: 1 << 20,
    }
}

#[test]
fn an_endless_loop_is_stopped_by_the_time_limit_and_names_stay() {
    let mut host = Host::with(options(small()));
    host.run("kept = 'before'\ndef helper(): return kept * 2");
    let error = host.run("while True: pass").error.unwrap();
    assert_eq!(error.kind, ErrorKind::Exception);
    assert_eq!(error.exception_type, "TimeoutError");
    assert!(error.exception_message.contains("time limit"), "{error:?}");
    assert_eq!(error.execution_count, Some(2));
    let run = host.run("helper()");
    assert_eq!(run.value().value, Some(serde_json::json!("beforebefore")));
    assert_eq!(run.value().execution_count, Some(3));
}

#[test]
fn a_memory_bomb_is_stopped_by_the_cap_and_names_stay() {
    let mut host = Host::with(options(small()));
    host.run("kept = 41");
    let error = host.run("x = bytearray(10**10)").error.unwrap();
    assert!(["MemoryError", "OverflowError"].contains(&error.exception_type.as_str()), "{error:?}");
    let error = host.run("x = bytearray(10**9)").error.unwrap();
    assert_eq!(error.exception_type, "MemoryError", "{error:?}");
    assert!(error.exception_message.contains("memory limit"), "{error:?}");
    let error = host.run("grow = []\nwhile True: grow.append('x' * 10000)").error.unwrap();
    assert_eq!(error.exception_type, "MemoryError", "{error:?}");
    assert_eq!(host.run("kept + 1").value().value, Some(serde_json::json!(42)));
}

#[test]
fn an_output_flood_is_stopped() {
    let mut host = Host::with(options(small()));
    let run = host.run("while True: print('x' * 1000)");
    assert_eq!(run.error().exception_type, "OutputLimitError", "{run:?}");
    assert!(run.stdout.len() <= (1 << 20) + 100_000, "{}", run.stdout.len());
    assert_eq!(host.run("1 + 1").value().value, Some(serde_json::json!(2)));
}

#[test]
fn an_interrupt_stops_a_busy_loop_and_the_session_goes_on() {
    let mut host = Host::with(options(Limits { cell_time: Duration::from_secs(600), ..small() }));
    host.run("kept = 'yes'");
    let id =
        host.send(Message::Execute(Execute::new("print('started', flush=True)\nwhile True: pass")));
    loop {
        if let Message::Output(out) = host.recv().body {
            assert_eq!(out.data, "started\n");
            break;
        }
    }
    host.send(Message::Interrupt(Interrupt {
        execution_id: Some(id.clone()),
        force_restart: false,
    }));
    let error = host.finish(&id).error.unwrap();
    assert_eq!(error.kind, ErrorKind::Interrupted);
    assert_eq!(error.exception_type, "KeyboardInterrupt");
    assert_eq!(host.run("kept").value().value, Some(serde_json::json!("yes")));
}

#[test]
fn an_interrupt_ends_a_waiting_input_without_a_restart() {
    let mut host = Host::start();
    host.run("unpicklable = (i for i in range(3))");
    let id = host.send(Message::Execute(Execute::new("input('?')")));
    while !matches!(host.recv().body, Message::Input(_)) {}
    host.send(Message::Interrupt(Interrupt { execution_id: None, force_restart: false }));
    let error = host.finish(&id).error.unwrap();
    assert_eq!(error.kind, ErrorKind::Interrupted);
    // A generator cannot be checkpointed: it is still there, so the instance lived on.
    assert_eq!(host.run("next(unpicklable)").value().value, Some(serde_json::json!(0)));
}

#[test]
fn a_long_sleep_is_stopped_too() {
    let mut host = Host::with(options(small()));
    let error = host.run("import time\ntime.sleep(3600)").error.unwrap();
    assert_eq!(error.exception_type, "TimeoutError", "{error:?}");
}

#[test]
fn many_stopped_cells_in_a_row_leave_the_session_usable() {
    let mut host = Host::with(options(Limits { cell_time: Duration::from_millis(200), ..small() }));
    for _ in 0..7 {
        assert_eq!(host.run("while True: pass").error().exception_type, "TimeoutError");
    }
    assert_eq!(host.run("'still here'").value().value, Some(serde_json::json!("still here")));
}
