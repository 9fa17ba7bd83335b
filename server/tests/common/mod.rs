//! An in-process server on 127.0.0.1 (port 0) whose workers are the built `phicode`, and
//! small HTTP helpers.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::Duration;

use phicode_security::Level;
use phicode_server::{Server, ServerConfig};
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The `phicode` binary next to this test's folder, or `$PHICODE_BIN`. `cargo test
/// --workspace` builds it; `cargo test -p phicode-server` alone needs `cargo build -p phicode`.
pub fn phicode() -> PathBuf {
    if let Some(path) = std::env::var_os("PHICODE_BIN") {
        return path.into();
    }
    let exe = std::env::current_exe().unwrap();
    let bin = exe.parent().and_then(|deps| deps.parent()).unwrap().join("phicode");
    assert!(bin.is_file(), "{} is missing: run `cargo build -p phicode` first", bin.display());
    bin
}

/// A running server; stopped (gracefully) by [`TestServer::stop`] or when dropped.
pub struct TestServer {
    pub url: String,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

/// The test settings: unrestricted workers, no warm ones, port 0, no state folder (so no
/// durable sessions, and none of the user's resumed).
pub fn config() -> ServerConfig {
    let mut config = ServerConfig::new(phicode());
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.level = Level::Unrestricted;
    config.warm_workers = 0;
    config.state_dir = None;
    config
}

/// The test settings with durable sessions kept in `state`.
pub fn durable_config(state: &std::path::Path) -> ServerConfig {
    ServerConfig { state_dir: Some(state.to_path_buf()), ..config() }
}

pub async fn start(config: ServerConfig) -> TestServer {
    let server = Server::bind(config).await.unwrap();
    let url = format!("http://{}", server.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        server
            .run(async move {
                let _ = stopped.await;
            })
            .await
            .unwrap();
    });
    TestServer { url, client: reqwest::Client::new(), stop: Some(stop), task: Some(task) }
}

impl TestServer {
    /// POST `body` (raw bytes) to `path`: the status and the JSON answer.
    pub async fn post_raw(&self, path: &str, body: impl Into<reqwest::Body>) -> (u16, Value) {
        let response =
            self.client.post(format!("{}{path}", self.url)).body(body).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.post_raw(path, body.to_string()).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let response = self.client.get(format!("{}{path}", self.url)).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// Stops it as SIGTERM would and waits until it has.
    pub async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        within(60, self.task.take().unwrap()).await.unwrap();
    }

    /// A new session's id.
    pub async fn session(&self, body: Value) -> String {
        let (status, session) = self.post("/sessions", &body).await;
        assert_eq!(status, 201, "{session}");
        session["id"].as_str().unwrap().to_owned()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub async fn within<T>(seconds: u64, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(seconds), f).await.expect("timed out")
}

pub type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Sends a JSON command over the WebSocket.
pub async fn send(ws: &mut Ws, command: Value) {
    use futures_util::SinkExt;
    ws.send(tokio_tungstenite::tungstenite::Message::text(command.to_string())).await.unwrap();
}

/// The next JSON message of type `kind`, skipping others (30 s at most).
pub async fn next_event(ws: &mut Ws, kind: &str) -> Value {
    use futures_util::StreamExt;
    within(30, async {
        loop {
            let message = ws.next().await.expect("the socket closed").unwrap();
            if let Ok(text) = message.to_text() {
                let event: Value = serde_json::from_str(text).unwrap();
                if event["type"] == kind {
                    return event;
                }
            }
        }
    })
    .await
}
