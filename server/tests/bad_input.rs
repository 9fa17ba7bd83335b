//! Every bad request gets a 4xx JSON error, over real HTTP (and raw TCP for what an HTTP
//! client would not send).
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn error_of(status: u16, body: &Value, expected_status: u16, code: &str) {
    assert_eq!(status, expected_status, "{body}");
    assert_eq!(body["success"], false, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{body}");
}

#[tokio::test]
async fn malformed_bodies_are_4xx_json_errors() {
    let server = common::start(common::config()).await;
    for path in ["/convert", "/execute", "/sessions", "/promises/x/resolve"] {
        let (status, body) = server.post_raw(path, "").await;
        error_of(status, &body, 400, "empty_body");
        let (status, body) = server.post_raw(path, "{\"code\": ").await;
        error_of(status, &body, 400, "invalid_json");
        let (status, body) = server.post_raw(path, b"{\"code\": \"\xff\"}".to_vec()).await;
        error_of(status, &body, 400, "invalid_utf8");
        for not_an_object in ["[1, 2]", "[]", "\"code\"", "7"] {
            let (status, body) = server.post_raw(path, not_an_object).await;
            error_of(status, &body, 422, "invalid_request");
        }
    }
    for wrong in [
        json!({"code": 1}),
        json!({}),
        json!({"code": "x", "target": "java"}),
        json!({"code": "x", "extra": 1}),
    ] {
        let (status, body) = server.post("/convert", &wrong).await;
        error_of(status, &body, 422, "invalid_request");
    }
    let (status, body) = server.post("/execute", &json!({"code": "1", "timeout": -1})).await;
    error_of(status, &body, 422, "invalid_request");
    let (status, body) = server.post("/sessions", &json!({"level": "root"})).await;
    error_of(status, &body, 422, "invalid_request");
}

#[tokio::test]
async fn limits_routes_and_methods_answer_in_json() {
    let mut config = common::config();
    config.body_limit = 1000;
    let server = common::start(config).await;
    let big = json!({"code": "x".repeat(2000)});
    let (status, body) = server.post("/convert", &big).await;
    error_of(status, &body, 413, "body_too_large");
    let (status, body) = server.get("/nowhere").await;
    error_of(status, &body, 404, "unknown_route");
    let response = server.client.put(format!("{}/convert", server.url)).send().await.unwrap();
    assert_eq!(response.headers()["allow"], "POST");
    let status = response.status().as_u16();
    error_of(status, &response.json().await.unwrap(), 405, "method_not_allowed");
    let (status, body) = server.get("/sessions/nope").await;
    error_of(status, &body, 404, "unknown_session");
    let (status, body) = server.post("/sessions/nope/execute", &json!({"code": "1"})).await;
    error_of(status, &body, 404, "unknown_session");
    let (status, body) = server.post_raw("/promises/nope/reject", "").await;
    error_of(status, &body, 404, "unknown_promise");
    let (status, body) = server.post("/sessions", &json!({"level": "unrestricted"})).await;
    assert_eq!(status, 201, "{body}");
}

/// A client that sends its headers and then only part of its body gets 408.
#[tokio::test]
async fn a_slow_body_gets_408() {
    let mut config = common::config();
    config.read_timeout = Duration::from_millis(300);
    let server = common::start(config).await;
    let mut tcp = TcpStream::connect(server.url.trim_start_matches("http://")).await.unwrap();
    let head = "POST /convert HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"code\"";
    tcp.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    common::within(30, tcp.read_to_end(&mut answer)).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"slow_body\""), "{answer}");
}

/// A client that never finishes its request head is disconnected (slowloris).
#[tokio::test]
async fn a_slow_request_head_is_cut_off() {
    let mut config = common::config();
    config.read_timeout = Duration::from_millis(300);
    let server = common::start(config).await;
    let mut tcp = TcpStream::connect(server.url.trim_start_matches("http://")).await.unwrap();
    tcp.write_all(b"POST /convert HTTP/1.1\r\nhost: x\r\n").await.unwrap();
    let mut answer = Vec::new();
    // Ends (EOF, or a reset) because the server closes the connection.
    let _ = common::within(30, tcp.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer}");
}

#[tokio::test]
async fn a_token_guards_everything_but_info_and_the_document() {
    let mut config = common::config();
    config.token = Some("s3cret".into());
    let server = common::start(config).await;
    assert_eq!(server.get("/info").await.0, 200);
    assert_eq!(server.get("/openapi.json").await.0, 200);
    let (status, body) = server.post("/convert", &json!({"code": "π"})).await;
    error_of(status, &body, 401, "unauthorized");
    let (status, _) = server.get("/symbols?access_token=wrong").await;
    assert_eq!(status, 401);
    let response = server
        .client
        .post(format!("{}/convert", server.url))
        .bearer_auth("s3cret")
        .body(json!({"code": "π"}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(server.get("/symbols?access_token=s3cret").await.0, 200);
}

#[tokio::test]
async fn cors_lets_another_origin_call() {
    let server = common::start(common::config()).await;
    let preflight = server
        .client
        .request(reqwest::Method::OPTIONS, format!("{}/execute", server.url))
        .header("origin", "http://127.0.0.1:5173")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type,authorization")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
    let response = server
        .client
        .get(format!("{}/info", server.url))
        .header("origin", "http://x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    assert!(response.headers().contains_key("x-request-id"));
}
