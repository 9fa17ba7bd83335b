//! Sessions over real HTTP, WebSocket and SSE: create within the server's level, execute,
//! answer questions (once), interrupt, checkpoint, delete; graceful shutdown.
#![allow(clippy::unwrap_used)]

mod common;

use phicode_security::Level;
use serde_json::json;

#[tokio::test]
async fn a_session_keeps_names_and_checkpoints_them() {
    let server = common::start(common::config()).await;
    let id = server.session(json!({"level": "unrestricted", "durability": "ephemeral"})).await;
    let path = format!("/sessions/{id}/execute");
    assert_eq!(server.post(&path, &json!({"code": "x = 41"})).await.1["success"], true);
    assert_eq!(server.post(&path, &json!({"code": "x + 1"})).await.1["result"], "42");
    let (status, saved) = server.post_raw(&format!("/sessions/{id}/checkpoint"), "").await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["namespace_size"], 1);
    server.post(&path, &json!({"code": "del x"})).await;
    assert_eq!(server.post_raw(&format!("/sessions/{id}/restore"), "").await.0, 200);
    assert_eq!(server.post(&path, &json!({"code": "x"})).await.1["result"], "41");
    let (_, listed) = server.get("/sessions").await;
    assert_eq!(listed["sessions"][0]["id"], id.as_str());
    assert_eq!(listed["sessions"][0]["executions"], 4);
    let response =
        server.client.delete(format!("{}/sessions/{id}", server.url)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(server.get(&format!("/sessions/{id}")).await.0, 404);
}

#[tokio::test]
async fn a_level_above_the_servers_is_refused() {
    let mut config = common::config();
    config.level = Level::Restricted;
    let server = common::start(config).await;
    let (status, body) = server.post("/sessions", &json!({"level": "unrestricted"})).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("level_not_allowed")));
    let id = server.session(json!({})).await;
    let (_, done) = server
        .post(&format!("/sessions/{id}/execute"), &json!({"code": "open('/etc/passwd')"}))
        .await;
    assert_eq!(
        (done["level"].as_str(), done["exception_type"].as_str()),
        (Some("restricted"), Some("PermissionError"))
    );
}

/// A level the build cannot run is refused, at start and per session, never replaced.
#[tokio::test]
async fn a_level_the_build_cannot_run_is_refused() {
    let mut config = common::config();
    config.levels = vec![Level::Restricted, Level::Unrestricted];
    config.level = Level::Sandbox;
    let refused = phicode_server::Server::bind(config.clone()).await.err().unwrap();
    assert!(refused.to_string().contains("level sandbox is not available"), "{refused}");
    config.level = Level::Unrestricted;
    let server = common::start(config).await;
    let (status, body) = server.post("/sessions", &json!({"level": "sandbox"})).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("level_unavailable")));
}

#[tokio::test]
async fn websocket_runs_cells_streams_events_and_settles_questions_once() {
    let server = common::start(common::config()).await;
    let id = server.session(json!({})).await;
    let (mut ws, _) = tokio_tungstenite::connect_async(format!(
        "{}/sessions/{id}/ws",
        server.url.replace("http", "ws")
    ))
    .await
    .unwrap();
    let code = "name = input('who? ')\nπ('hi', name)\nok = approve('go on?')\nok";
    common::send(&mut ws, json!({"op": "execute", "code": code})).await;
    let accepted = common::next_event(&mut ws, "accepted").await;
    let execution = accepted["execution_id"].as_str().unwrap().to_owned();
    let asked = common::next_event(&mut ws, "question").await;
    assert_eq!((asked["kind"].as_str(), asked["prompt"].as_str()), (Some("input"), Some("who? ")));
    // The promise endpoint sees it too, and settles it exactly once.
    let (_, open) = server.get("/promises").await;
    let promise = asked["promise_id"].as_str().unwrap();
    assert!(open["promises"].as_array().unwrap().iter().any(|p| p["promise_id"] == promise));
    let resolve = format!("/promises/{promise}/resolve");
    assert_eq!(server.post(&resolve, &json!({"value": "Ada"})).await.0, 200);
    let (status, twice) = server.post(&resolve, &json!({"value": "Bob"})).await;
    assert_eq!((status, twice["code"].as_str()), (409, Some("already_settled")));
    let output = common::next_event(&mut ws, "output").await;
    assert_eq!(output["data"], "hi Ada\n");
    let approval = common::next_event(&mut ws, "question").await;
    assert_eq!(approval["kind"], "approval");
    common::send(&mut ws, json!({"op": "reject", "promise_id": approval["promise_id"]})).await;
    let result = common::next_event(&mut ws, "result").await;
    assert_eq!(
        (result["execution_id"].as_str(), result["repr"].as_str()),
        (Some(execution.as_str()), Some("False"))
    );
    common::send(&mut ws, json!({"op": "resolve", "promise_id": approval["promise_id"]})).await;
    assert_eq!(common::next_event(&mut ws, "refused").await["code"], "already_settled");
    common::send(&mut ws, json!({"op": "fly"})).await;
    assert_eq!(common::next_event(&mut ws, "refused").await["code"], "invalid_request");
}

#[tokio::test]
async fn interrupt_stops_a_running_cell_and_the_session_goes_on() {
    let server = common::start(common::config()).await;
    let id = server.session(json!({})).await;
    let (mut ws, _) = tokio_tungstenite::connect_async(format!(
        "{}/sessions/{id}/ws",
        server.url.replace("http", "ws")
    ))
    .await
    .unwrap();
    let (status, started) = server
        .post(
            &format!("/sessions/{id}/execute"),
            &json!({"code": "print('go', flush=True)\nwhile True: pass", "stream": true}),
        )
        .await;
    assert_eq!(status, 202, "{started}");
    common::next_event(&mut ws, "output").await;
    assert_eq!(server.post_raw(&format!("/sessions/{id}/interrupt"), "").await.0, 200);
    let error = common::next_event(&mut ws, "error").await;
    assert_eq!(error["exception_type"], "KeyboardInterrupt");
    let (_, done) =
        server.post(&format!("/sessions/{id}/execute"), &json!({"code": "2 + 2"})).await;
    assert_eq!(done["result"], "4");
}

#[tokio::test]
async fn server_sent_events_carry_a_sessions_events() {
    use futures_util::StreamExt;
    let server = common::start(common::config()).await;
    let id = server.session(json!({})).await;
    let response =
        server.client.get(format!("{}/sessions/{id}/events", server.url)).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let mut body = response.bytes_stream();
    server
        .post(&format!("/sessions/{id}/execute"), &json!({"code": "print('sse')", "stream": true}))
        .await;
    let mut seen = String::new();
    common::within(30, async {
        while !seen.contains("\"type\":\"result\"") {
            seen.push_str(&String::from_utf8_lossy(&body.next().await.unwrap().unwrap()));
        }
    })
    .await;
    assert!(seen.contains("\"data\":\"sse\\n\""), "{seen}");
}

/// SIGTERM's path: the request running when shutdown begins still gets its answer.
#[tokio::test]
async fn shutdown_lets_running_requests_finish() {
    let server = common::start(common::config()).await;
    let id = server.session(json!({})).await;
    let (mut ws, _) = tokio_tungstenite::connect_async(format!(
        "{}/sessions/{id}/ws",
        server.url.replace("http", "ws")
    ))
    .await
    .unwrap();
    let running = tokio::spawn({
        let (client, url) = (server.client.clone(), server.url.clone());
        async move {
            let code =
                "import time\nprint('started', flush=True)\ntime.sleep(1)\nprint('finished')";
            let body = json!({"code": code}).to_string();
            client.post(format!("{url}/sessions/{id}/execute")).body(body).send().await.unwrap()
        }
    });
    common::next_event(&mut ws, "output").await;
    let stopping = tokio::spawn(server.stop());
    let done: serde_json::Value = common::within(30, running).await.unwrap().json().await.unwrap();
    assert_eq!(done["output"], "started\nfinished\n");
    common::within(60, stopping).await.unwrap();
}
