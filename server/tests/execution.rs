//! POST /execute: each program in a fresh worker at the server's level, under its limits.
#![allow(clippy::unwrap_used)]

mod common;

use phicode_security::Level;
use serde_json::json;

#[tokio::test]
async fn runs_phicode_and_python_in_the_reference_shape() {
    let server = common::start(common::config()).await;
    let (status, done) =
        server.post("/execute", &json!({"code": "∀ i ∈ ⟪(3): π(i)\nx = 6\nx * 7"})).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["success"], true);
    assert_eq!(done["output"], "0\n1\n2\n");
    assert_eq!(done["error"], json!(null));
    assert_eq!(done["result"], "42");
    assert!(done["execution_time"].as_f64().unwrap() >= 0.0);

    let (_, failed) =
        server.post("/execute", &json!({"code": "print('a')\n1/0", "type": "python"})).await;
    assert_eq!(failed["success"], false);
    assert_eq!(failed["output"], "a\n");
    assert_eq!(failed["exception_type"], "ZeroDivisionError");
    assert!(failed["error"].as_str().unwrap().contains("ZeroDivisionError"));

    // Each run starts from nothing: no names leak from one request to the next.
    let (_, fresh) = server.post("/execute", &json!({"code": "x"})).await;
    assert_eq!(fresh["exception_type"], "NameError");
    // No one can answer input() in a one-shot run.
    let (_, asked) = server.post("/execute", &json!({"code": "input('? ')"})).await;
    assert_eq!(asked["exception_type"], "EOFError");
}

#[tokio::test]
async fn time_and_output_limits_stop_a_run() {
    let mut config = common::config();
    config.max_output = 10_000;
    let server = common::start(config).await;
    let (status, done) =
        server.post("/execute", &json!({"code": "while True: pass", "timeout": 0.5})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (done["success"].as_bool(), done["exception_type"].as_str()),
        (Some(false), Some("TimeLimit"))
    );
    let (_, done) = server.post("/execute", &json!({"code": "while True: print('x' * 100)"})).await;
    assert_eq!(
        (done["truncated"].as_bool(), done["exception_type"].as_str()),
        (Some(true), Some("OutputLimit"))
    );
    assert_eq!(done["output"].as_str().unwrap().len(), 10_000);
    // The server is still fine afterwards.
    let (_, again) = server.post("/execute", &json!({"code": "1 + 1"})).await;
    assert_eq!(again["result"], "2");
}

#[tokio::test]
async fn restricted_runs_are_confined_and_memory_capped() {
    let mut config = common::config();
    config.level = Level::Restricted;
    config.memory_mb = 512;
    let server = common::start(config).await;
    let (_, done) = server.post("/execute", &json!({"code": "open('/etc/passwd').read()"})).await;
    assert_eq!(done["level"], "restricted", "{done}");
    assert_eq!(done["exception_type"], "PermissionError", "{done}");
    let (_, done) = server.post("/execute", &json!({"code": "b = bytearray(1024 ** 3)"})).await;
    assert_eq!(done["exception_type"], "MemoryError", "{done}");
    let (_, done) = server
        .post(
            "/execute",
            &json!({"code": "import socket; socket.create_connection(('127.0.0.1', 9))"}),
        )
        .await;
    assert_eq!(done["success"], false, "{done}");
    let (_, done) = server.post("/execute", &json!({"code": "sum(range(10))"})).await;
    assert_eq!(done["result"], "45", "{done}");
}

/// SANDBOX, the server's default level: CPython for WASI in wasmtime, with no files but
/// its scratch folder, no environment and a memory cap.
#[tokio::test]
async fn sandbox_runs_are_confined_in_wasmtime() {
    let mut config = common::config();
    config.level = Level::Sandbox;
    config.memory_mb = 256;
    let server = common::start(config).await;
    let (_, done) =
        server.post("/execute", &json!({"code": "π(1 + 1)\nimport sys\nsys.platform"})).await;
    assert_eq!(
        (done["level"].as_str(), done["output"].as_str()),
        (Some("sandbox"), Some("2\n")),
        "{done}"
    );
    assert_eq!(done["result"], "'wasi'", "{done}");
    let (_, done) = server.post("/execute", &json!({"code": "open('/etc/passwd')"})).await;
    assert_eq!(done["exception_type"], "FileNotFoundError", "{done}");
    let (_, done) = server.post("/execute", &json!({"code": "import os\ndict(os.environ)"})).await;
    assert_eq!(done["result"], "{}", "{done}");
    let (_, done) = server.post("/execute", &json!({"code": "b = bytearray(1024 ** 3)"})).await;
    assert_eq!(done["exception_type"], "MemoryError", "{done}");
}

#[tokio::test]
async fn many_runs_at_once_all_succeed() {
    let mut config = common::config();
    config.max_workers = 4;
    let server = common::start(config).await;
    let bodies: Vec<_> = (0..24).map(|i| json!({"code": format!("{i} * 2")})).collect();
    let runs = bodies.iter().map(|body| server.post("/execute", body));
    let done = futures_util::future::join_all(runs).await;
    for (i, (status, body)) in done.iter().enumerate() {
        assert_eq!(*status, 200, "{body}");
        assert_eq!(body["result"], (i * 2).to_string());
    }
}

/// One slot and no queue: while a request holds the slot, the next is told 503 and when to
/// try again. The held request waits on an input() that only a WebSocket can answer.
#[tokio::test]
async fn a_full_queue_answers_503_with_retry_after() {
    let mut config = common::config();
    config.max_concurrent = 1;
    config.queue = 0;
    let server = common::start(config).await;
    let id = server.session(json!({})).await;
    let ws_url = format!("{}/sessions/{id}/ws", server.url.replace("http://", "ws://"));
    let (mut ws, _) = tokio_tungstenite::connect_async(ws_url).await.unwrap();
    let held = tokio::spawn({
        let client = server.client.clone();
        let url = server.url.clone();
        async move {
            client
                .post(format!("{url}/sessions/{id}/execute"))
                .body(json!({"code": "input('wait ')"}).to_string())
                .send()
                .await
                .unwrap()
        }
    });
    let question = common::next_event(&mut ws, "question").await;
    let response = server.client.get(format!("{}/symbols", server.url)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "busy");
    common::send(
        &mut ws,
        json!({"op": "resolve", "promise_id": question["promise_id"], "value": "go"}),
    )
    .await;
    let done: serde_json::Value = common::within(30, held).await.unwrap().json().await.unwrap();
    assert_eq!(done["result"], "'go'");
    assert_eq!(server.get("/symbols").await.0, 200);
}
