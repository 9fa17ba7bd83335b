//! `phicode serve` as a process, stopped by a real SIGTERM while a durable session's cell
//! runs: the cell finishes, its names are checkpointed, and the next `phicode serve` over
//! the same state folder resumes the session with them.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

/// `phicode serve` on a free port with its state in `state`, and the URL it listens on
/// (read from its log).
fn serve(state: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(common::phicode())
        .args(["serve", "--port", "0", "--level", "unrestricted", "--warm-workers", "0"])
        .arg("--state-dir")
        .arg(state)
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut log = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("is listening") {
        line.clear();
        assert!(log.read_line(&mut line).unwrap() > 0, "phicode serve ended before listening");
    }
    let addr = line.split("addr=").nth(1).unwrap().split_whitespace().next().unwrap();
    // Keep reading its log, so it never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut log, &mut std::io::sink()));
    (child, format!("http://{addr}"))
}

async fn post(url: &str, body: Value) -> Value {
    let client = reqwest::Client::new();
    client.post(url).body(body.to_string()).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn sigterm_lets_the_running_cell_finish_and_the_next_server_resumes_its_names() {
    let state = tempfile::tempdir().unwrap();
    let (mut server, url) = serve(state.path());
    let id = post(&format!("{url}/sessions"), json!({"durability": "durable"})).await;
    let id = id["id"].as_str().unwrap().to_owned();
    let cell = "import time\ntime.sleep(1.5)\nfinished = 'yes'";
    let started =
        post(&format!("{url}/sessions/{id}/execute"), json!({"code": cell, "stream": true})).await;
    assert_eq!(started["success"], true, "{started}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let killed = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let exited = common::within(60, tokio::task::spawn_blocking(move || server.wait())).await;
    assert!(exited.unwrap().unwrap().success());

    let (mut server, url) = serve(state.path());
    let done = post(&format!("{url}/sessions/{id}/execute"), json!({"code": "finished"})).await;
    let _ = Command::new("kill").args(["-TERM", &server.id().to_string()]).status();
    let _ = server.wait();
    assert_eq!(done["result"], "'yes'", "{done}");
}
