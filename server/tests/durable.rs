//! Durable sessions over HTTP: their names outlive the server (stopped gracefully, running
//! cells finishing or interrupted past the grace period), their dead workers are replaced
//! with the names restored, their questions are promises settled once, and deleting one
//! removes its folder.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use serde_json::{Value, json};

async fn run(server: &common::TestServer, id: &str, code: &str) -> Value {
    server.post(&format!("/sessions/{id}/execute"), &json!({"code": code})).await.1
}

#[tokio::test]
async fn a_durable_session_outlives_the_server() {
    let state = tempfile::tempdir().unwrap();
    let server = common::start(common::durable_config(state.path())).await;
    let id = server.session(json!({"durability": "durable"})).await;
    assert_eq!(run(&server, &id, "x = 41").await["success"], true);
    let (_, shown) = server.get(&format!("/sessions/{id}")).await;
    assert_eq!(shown["durability"], "durable");
    server.stop().await;
    let folder = state.path().join("sessions").join(&id);
    assert!(folder.join("checkpoint.bin").is_file() && folder.join("server.json").is_file());

    let server = common::start(common::durable_config(state.path())).await;
    let (_, listed) = server.get("/sessions").await;
    assert_eq!(listed["sessions"][0]["id"], id.as_str(), "{listed}");
    assert_eq!(listed["sessions"][0]["executions"], 1);
    assert_eq!(run(&server, &id, "x + 1").await["result"], "42");
}

#[tokio::test]
async fn a_cell_past_the_grace_period_is_interrupted_and_the_names_before_it_kept() {
    let state = tempfile::tempdir().unwrap();
    let mut config = common::durable_config(state.path());
    config.shutdown_grace = Duration::from_secs(1);
    let server = common::start(config.clone()).await;
    let id = server.session(json!({"durability": "durable"})).await;
    run(&server, &id, "kept = 'before'").await;
    let body = json!({"code": "while True: pass", "stream": true});
    assert_eq!(server.post(&format!("/sessions/{id}/execute"), &body).await.0, 202);
    let began = std::time::Instant::now();
    server.stop().await;
    assert!(began.elapsed() < Duration::from_secs(20), "{:?}", began.elapsed());
    let server = common::start(config).await;
    assert_eq!(run(&server, &id, "kept").await["result"], "'before'");
}

#[tokio::test]
async fn a_killed_worker_is_replaced_with_the_names_restored() {
    let state = tempfile::tempdir().unwrap();
    let server = common::start(common::durable_config(state.path())).await;
    let id = server.session(json!({"durability": "durable"})).await;
    run(&server, &id, "x = 5").await;
    tokio::time::sleep(Duration::from_millis(500)).await; // The idle checkpoint.
    let died = run(&server, &id, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)").await;
    assert_eq!(died["exception_type"], "WorkerDied", "{died}");
    let message = died["error"].as_str().unwrap();
    assert!(message.contains("restored 1 names"), "{message}");
    assert_eq!(run(&server, &id, "x").await["result"], "5");
}

/// Starts `name = input('name? ')` in a new durable session; the answer's upper case comes
/// back from the task, the promise's listing at once.
async fn asking(server: &common::TestServer) -> (tokio::task::JoinHandle<Value>, Value) {
    let id = server.session(json!({"durability": "durable"})).await;
    let body = json!({"code": "name = input('name? ')\nname.upper()"});
    let task = tokio::spawn({
        let (client, url) = (server.client.clone(), server.url.clone());
        async move {
            let sent = client.post(format!("{url}/sessions/{id}/execute")).body(body.to_string());
            sent.send().await.unwrap().json::<Value>().await.unwrap()
        }
    });
    let promises = common::within(30, async {
        loop {
            let (_, listed) = server.get("/promises").await;
            if !listed["promises"].as_array().unwrap().is_empty() {
                return listed["promises"].clone();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    (task, promises)
}

#[tokio::test]
async fn input_is_a_promise_listed_once_and_settled_once() {
    let state = tempfile::tempdir().unwrap();
    let server = common::start(common::durable_config(state.path())).await;
    let (task, promises) = asking(&server).await;
    // Listed once, though this session also answers on its control socket.
    assert_eq!(promises.as_array().unwrap().len(), 1, "{promises}");
    assert_eq!(promises[0]["source"], "server");
    let path = format!("/promises/{}/resolve", promises[0]["promise_id"].as_str().unwrap());
    assert_eq!(server.post(&path, &json!({"value": "ada"})).await.0, 200);
    let (status, again) = server.post(&path, &json!({"value": "bob"})).await;
    assert_eq!((status, again["code"].as_str()), (409, Some("already_settled")));
    let done = common::within(30, task).await.unwrap();
    assert_eq!(done["result"], "'ADA'", "{done}");
}

/// The same promise settled from another process (`phicode promise resolve`, through the
/// session's control socket) is then refused over HTTP.
#[tokio::test]
async fn a_question_answered_by_phicode_promise_is_not_answered_again() {
    let state = tempfile::tempdir().unwrap();
    let server = common::start(common::durable_config(state.path())).await;
    let (task, promises) = asking(&server).await;
    let promise = promises[0]["promise_id"].as_str().unwrap();
    let mut resolve = std::process::Command::new(common::phicode());
    resolve.args(["promise", "resolve", promise, "grace"]);
    // Off this test's one runtime thread, which also serves the session's control socket.
    let resolved = tokio::task::spawn_blocking(move || resolve.output()).await.unwrap().unwrap();
    assert!(resolved.status.success(), "{}", String::from_utf8_lossy(&resolved.stderr));
    let done = common::within(30, task).await.unwrap();
    assert_eq!(done["result"], "'GRACE'", "{done}");
    let (status, again) =
        server.post(&format!("/promises/{promise}/resolve"), &json!({"value": "bob"})).await;
    assert_eq!((status, again["code"].as_str()), (409, Some("already_settled")), "{again}");
}

#[tokio::test]
async fn deleting_a_durable_session_removes_its_folder() {
    let state = tempfile::tempdir().unwrap();
    let server = common::start(common::durable_config(state.path())).await;
    let id = server.session(json!({"durability": "durable"})).await;
    let folder = state.path().join("sessions").join(&id);
    assert!(folder.join("server.json").is_file());
    let url = format!("{}/sessions/{id}", server.url);
    assert_eq!(server.client.delete(url).send().await.unwrap().status().as_u16(), 200);
    assert!(!folder.exists());
}

#[tokio::test]
async fn a_server_without_a_state_folder_refuses_durable_sessions() {
    let server = common::start(common::config()).await;
    let (status, body) = server.post("/sessions", &json!({"durability": "durable"})).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("durability_unavailable")));
}
