//! A session's end of the control socket: a task accepting connections until the session
//! is dropped, when it also removes its socket file.

use std::path::PathBuf;
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::oneshot;

use super::place::hosts_dir;
use super::wire::{Request, Response};
use crate::live::Live;
use crate::questions::settle;

/// The longest request line read (ids and answers are short; this bounds a bad client).
const MAX_REQUEST: usize = 1 << 20;

/// A listening control socket; dropping it stops the task and removes the socket.
pub struct Listener {
    /// The socket file.
    path: PathBuf,
    /// Dropped with the listener: the accepting task ends.
    _stop: oneshot::Sender<()>,
}

impl Listener {
    /// Listens for `live`'s session; `None` when the socket cannot be made (the session
    /// works on, unreachable by `phicode promise`).
    pub fn start(live: &Arc<Live>) -> Option<Self> {
        let dir = hosts_dir();
        std::fs::create_dir_all(&dir).ok()?;
        private(&dir);
        let path = dir.join(format!("{}.sock", live.session.id()));
        let _ = std::fs::remove_file(&path); // A stale socket of a session that died.
        let listener = UnixListener::bind(&path).ok()?;
        let (stop, stopped) = oneshot::channel();
        tokio::spawn(serve(listener, Arc::downgrade(live), stopped));
        Some(Self { path, _stop: stop })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn private(dir: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Some(parent) = dir.parent() {
        let _ = std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o700));
    }
}

async fn serve(
    listener: UnixListener,
    live: std::sync::Weak<Live>,
    mut stopped: oneshot::Receiver<()>,
) {
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
            _ = &mut stopped => return,
        };
        let Some(live) = live.upgrade() else { return };
        tokio::spawn(async move { answer(&live, stream).await });
    }
}

async fn answer(live: &Live, stream: UnixStream) {
    let (read, mut write) = stream.into_split();
    let mut line = String::new();
    let mut reader = BufReader::new(read).take(MAX_REQUEST as u64);
    if reader.read_line(&mut line).await.is_err() {
        return;
    }
    let response = match serde_json::from_str::<Request>(&line) {
        Ok(request) => respond(live, request).await,
        Err(e) => Response::Failed(format!("bad request: {e}")),
    };
    let mut text = serde_json::to_string(&response).unwrap_or_default();
    text.push('\n');
    let _ = write.write_all(text.as_bytes()).await;
}

async fn respond(live: &Live, request: Request) -> Response {
    let promises = &live.resonate.promises;
    let settled = match request {
        Request::List => {
            let session = live.session.id().to_owned();
            return Response::Open { session, questions: live.open.list() };
        }
        Request::Resolve { id, value: answer } if live.open.contains(&id) => {
            settle(promises, &id, Some(&answer)).await
        }
        Request::Reject { id } if live.open.contains(&id) => settle(promises, &id, None).await,
        Request::Resolve { .. } | Request::Reject { .. } => return Response::Unknown,
    };
    match settled {
        Ok(_) => Response::Settled,
        Err(e) => Response::Failed(e.to_string()),
    }
}
