//! The load client: `concurrency` tasks, each on its own HTTP/1.1 connection (reconnecting
//! when the server closes it, as HTTP/1.0 servers do), sending POSTs and timing each.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// What one phase measured.
pub struct Phase {
    /// Requests answered 2xx, each one's latency.
    pub latencies: Vec<Duration>,
    /// Requests that failed (connection errors, timeouts, non-2xx, `success: false` where
    /// asked for).
    pub errors: usize,
    /// Wall-clock time of the whole phase.
    pub elapsed: Duration,
}

async fn connect(addr: SocketAddr) -> Option<SendRequest<Full<Bytes>>> {
    let stream =
        tokio::time::timeout(Duration::from_secs(10), TcpStream::connect(addr)).await.ok()?.ok()?;
    let _ = stream.set_nodelay(true);
    let (sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.ok()?;
    tokio::spawn(connection);
    Some(sender)
}

/// One request; `Ok` when it was answered 2xx (and, with `must_succeed`, `"success":true`).
async fn once(
    sender: &mut Option<SendRequest<Full<Bytes>>>,
    addr: SocketAddr,
    path: &str,
    body: &Bytes,
    must_succeed: bool,
) -> Result<(), ()> {
    if sender.as_mut().is_none_or(|s| s.is_closed()) {
        *sender = connect(addr).await;
    }
    let s = sender.as_mut().ok_or(())?;
    s.ready().await.map_err(|_| ())?;
    let request = hyper::Request::post(path)
        .header("host", addr.to_string())
        .header("content-type", "application/json")
        .body(Full::new(body.clone()))
        .map_err(|_| ())?;
    let response = s.send_request(request).await.map_err(|_| ())?;
    let ok = response.status().is_success();
    let bytes = response.into_body().collect().await.map_err(|_| ())?.to_bytes();
    let says = |marker: &[u8]| bytes.windows(marker.len()).any(|w| w == marker);
    let succeeded = !must_succeed || says(b"\"success\":true") || says(b"\"success\": true");
    if ok && succeeded { Ok(()) } else { Err(()) }
}

/// Sends `total` POSTs of `body` to `path` from `concurrency` connections.
pub async fn run(
    addr: SocketAddr,
    path: &'static str,
    body: Bytes,
    total: usize,
    concurrency: usize,
    must_succeed: bool,
) -> Phase {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (next, body) = (Arc::clone(&next), body.clone());
            tokio::spawn(async move {
                let (mut latencies, mut errors, mut sender) = (Vec::new(), 0, None);
                while next.fetch_add(1, Ordering::Relaxed) < total {
                    let sent = Instant::now();
                    let answered = tokio::time::timeout(
                        Duration::from_secs(300),
                        once(&mut sender, addr, path, &body, must_succeed),
                    )
                    .await;
                    match answered {
                        Ok(Ok(())) => latencies.push(sent.elapsed()),
                        _ => {
                            errors += 1;
                            sender = None;
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut phase = Phase { latencies: Vec::new(), errors: 0, elapsed: Duration::ZERO };
    for task in tasks {
        let (latencies, errors) = task.await.unwrap_or_default();
        phase.latencies.extend(latencies);
        phase.errors += errors;
    }
    phase.elapsed = start.elapsed();
    phase.latencies.sort_unstable();
    phase
}

impl Phase {
    /// Answered requests per second.
    pub fn throughput(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    /// The latency at `q` (0..=1).
    pub fn quantile(&self, q: f64) -> Duration {
        let n = self.latencies.len();
        if n == 0 {
            return Duration::ZERO;
        }
        self.latencies[((n - 1) as f64 * q).round() as usize]
    }
}
