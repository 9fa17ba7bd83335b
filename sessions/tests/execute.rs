//! Execution through a real worker: results, history names, output ordering, async
//! cells, tasks across cells, φ cells and their tracebacks.
#![allow(clippy::unwrap_used)]

mod common;

use common::{run, session, value, within};
use phicode_sessions::host::Event;
use phicode_sessions::protocol::{ErrorKind, ExecMode, StreamName};

#[tokio::test]
async fn a_final_expression_is_the_result_with_its_json_value() {
    let s = session().await;
    let done = run(&s, "x = 20\nx + 22").await;
    let result = done.result().unwrap();
    assert_eq!(result.repr.as_deref(), Some("42"));
    assert_eq!(result.value, Some(serde_json::json!(42)));
    assert_eq!(result.execution_count, Some(1));
    assert_eq!(result.mode, ExecMode::Sync);
    let done = run(&s, "{'a': [1, 2.5, None]}, object()").await;
    let result = done.result().unwrap();
    assert_eq!(result.value, None, "a tuple with an object is not JSON");
    assert!(result.repr.as_deref().unwrap().starts_with("({'a': [1, 2.5, None]}, <object object"));
    let done = run(&s, "y = 1").await;
    assert_eq!(done.result().unwrap().repr, None);
}

#[tokio::test]
async fn history_names_follow_ipython() {
    let s = session().await;
    value(&s, "1").await;
    value(&s, "2").await;
    value(&s, "x = 5").await;
    value(&s, "3").await;
    assert_eq!(value(&s, "(_, __, ___)").await, "(3, 2, 1)");
    assert_eq!(
        value(&s, "Out[1], Out[2], _4, In[2], _i2, len(In)").await,
        "(1, 2, 3, '2', '2', 7)"
    );
    assert_eq!(value(&s, "_i").await, "'Out[1], Out[2], _4, In[2], _i2, len(In)'");
}

#[tokio::test]
async fn output_streams_in_order_and_always_before_the_result() {
    let s = session().await;
    let done = run(
        &s,
        "import sys\nfor i in range(100_000):\n    print(i)\nsys.stderr.write('end')\n'done'",
    )
    .await;
    let expected: String = (0..100_000).map(|i| format!("{i}\n")).collect();
    assert_eq!(done.stdout, expected);
    assert_eq!(done.stderr, "end");
    assert!(matches!(done.events.last(), Some(Event::Result(_))));
    let outputs = done.events.iter().filter(|e| matches!(e, Event::Output(_))).count();
    assert!(outputs < 1000, "100 000 prints were batched into {outputs} messages");
}

#[tokio::test]
async fn output_of_file_descriptors_and_child_processes_is_captured() {
    let s = session().await;
    // fd-level text arrives through the capture pipe, maybe after the result, as a session
    // event: subscribe first, or text that comes in between is missed.
    let mut events = s.events();
    let done = run(
        &s,
        "import os, subprocess\nos.write(1, b'fd one\\n')\nsubprocess.run(['echo', 'child'])",
    )
    .await;
    assert!(done.error().is_none(), "{:?}", done.error());
    let mut text = done.stdout.clone();
    while !(text.contains("fd one") && text.contains("child")) {
        if let Event::Output(o) = within(10, events.recv()).await.unwrap() {
            assert_eq!(o.stream, StreamName::Stdout);
            text.push_str(&o.data);
        }
    }
}

#[tokio::test]
async fn top_level_await_runs_on_the_session_loop() {
    let s = session().await;
    let code = "import asyncio\nasync def double(x):\n    await asyncio.sleep(0.01)\n    return 2 * x\nawait asyncio.gather(*(double(i) for i in range(5)))";
    let done = run(&s, code).await;
    let result = done.result().unwrap();
    assert_eq!(result.value, Some(serde_json::json!([0, 2, 4, 6, 8])));
    assert_eq!(result.mode, ExecMode::Async);
    assert_eq!(
        value(&s, "async with asyncio.timeout(1):\n    await asyncio.sleep(0)\n'ok'").await,
        "'ok'"
    );
}

#[tokio::test]
async fn a_task_keeps_running_between_and_across_cells() {
    let s = session().await;
    let start = "import asyncio\nticks = []\nasync def tick():\n    for i in range(3):\n        await asyncio.sleep(0.05)\n        ticks.append(i)\n    return 'finished'\nt = asyncio.get_event_loop().create_task(tick())";
    value(&s, start).await;
    // The loop runs while the worker waits for work: the task progresses between cells.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(value(&s, "ticks").await, "[0, 1, 2]");
    value(&s, "ticks.clear()\nt = asyncio.create_task(tick())\nawait asyncio.sleep(0)").await;
    assert_eq!(value(&s, "await t").await, "'finished'");
    assert_eq!(value(&s, "ticks").await, "[0, 1, 2]");
    assert_eq!(
        value(&s, "asyncio.run(asyncio.sleep(0, 'plain cells may use asyncio.run'))").await,
        "'plain cells may use asyncio.run'"
    );
}

#[tokio::test]
async fn phi_cells_run_and_their_tracebacks_show_phi_lines() {
    let s = session().await;
    assert_eq!(value(&s, "ƒ double(x):\n    ⟲ x * 2\n∑(double(i) ∀ i ∈ ⟪(4))").await, "12");
    let done = run(&s, "ƒ broken(d):\n    ⟲ d['missing']\nbroken({})").await;
    let error = done.error().unwrap();
    assert_eq!(error.exception_type, "KeyError");
    assert!(error.traceback.contains("⟲ d['missing']"), "{}", error.traceback);
    assert!(
        error.traceback.contains("File \"<cell 2>\", line 2, in broken"),
        "{}",
        error.traceback
    );
    assert_eq!(error.frames.last().unwrap().line, 2);
    assert!(!error.traceback.contains("phicode engine"), "{}", error.traceback);
    let done = run(&s, "¿ ✓:\n    π(1 +)").await;
    let error = done.error().unwrap();
    assert_eq!(error.exception_type, "SyntaxError");
    assert!(error.traceback.contains("π(1 +)"), "{}", error.traceback);
    // Python stays Python, even with a name that is a φ symbol elsewhere.
    assert_eq!(value(&s, "print_ = 'π'\nprint_").await, "'π'");
}

#[tokio::test]
async fn exceptions_and_system_exit_keep_the_session() {
    let s = session().await;
    let done = run(&s, "def f():\n    1/0\nf()").await;
    let error = done.error().unwrap();
    assert_eq!(
        (error.kind, error.exception_type.as_str()),
        (ErrorKind::Exception, "ZeroDivisionError")
    );
    assert!(
        error
            .traceback
            .starts_with("Traceback (most recent call last):\n  File \"<cell 1>\", line 3"),
        "{}",
        error.traceback
    );
    let done = run(&s, "import sys\nsys.exit(3)").await;
    assert_eq!(done.error().unwrap().exception_type, "SystemExit");
    assert_eq!(value(&s, "_exit_code, type(_exception).__name__").await, "(3, 'SystemExit')");
}

fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_reader_that_falls_behind_holds_the_printing_code_back() {
    let s = session().await;
    let pid = s.ready().unwrap().pid;
    value(&s, "line = 'z' * 1023 + '\\n'").await;
    let before = resident_kib(pid);
    // 64 MiB of output while nobody reads: the worker must wait, not buffer it.
    let mut execution =
        s.execute("for i in range(64 * 1024):\n    print(line, end='')\n'done'").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let stalled = resident_kib(pid);
    assert!(stalled < before + 20 * 1024, "worker grew from {before} KiB to {stalled} KiB");
    let mut bytes = 0;
    loop {
        match within(60, execution.next()).await.unwrap() {
            Event::Output(o) => {
                assert!(o.data.bytes().all(|b| b == b'z' || b == b'\n'));
                bytes += o.data.len();
            }
            Event::Result(r) => {
                assert_eq!(r.repr.as_deref(), Some("'done'"));
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(bytes, 64 * 1024 * 1024);
}

#[tokio::test]
async fn cells_import_phi_modules_of_the_working_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("helper.φ"),
        "ƒ triple(x):\n    ⟲ 3 * x\n\nƒ broken():\n    ⟲ 1 / 0\n",
    )
    .unwrap();
    let mut settings = common::config();
    settings.cwd = Some(dir.path().to_path_buf());
    let s = phicode_sessions::host::Session::start(settings).await.unwrap();
    assert_eq!(value(&s, "import helper\nhelper.triple(14)").await, "42");
    let error = run(&s, "helper.broken()").await.error().cloned().unwrap();
    assert!(
        error.traceback.contains("helper.φ\", line 5, in broken\n    ⟲ 1 / 0"),
        "{}",
        error.traceback
    );
}
