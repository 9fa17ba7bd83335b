//! [`Session`]'s requests that have replies (checkpoint, restore, completion,
//! completeness) and shutdown.

use std::time::Duration;

use tokio::sync::oneshot;

use super::error::SessionError;
use super::session::Session;
use crate::protocol::{
    Checkpoint, Complete, CompleteReply, Envelope, Inspect, InspectReply, IsComplete,
    IsCompleteReply, Message, Restore, RestoreReply, Shutdown,
};

impl Session {
    /// A checkpoint of the namespace (the bytes in `data`).
    pub async fn checkpoint(&self) -> Result<Checkpoint, SessionError> {
        self.checkpoint_request(None).await
    }

    /// A checkpoint written to `path`, replacing it atomically: by the worker, or by this
    /// host when the worker is confined and cannot reach the file.
    pub async fn checkpoint_to(&self, path: &str) -> Result<Checkpoint, SessionError> {
        if self.worker_reaches_files() {
            return self.checkpoint_request(Some(path.to_owned())).await;
        }
        let mut checkpoint = self.checkpoint_request(None).await?;
        let data = checkpoint.data.take().unwrap_or_default();
        let written = tokio::task::spawn_blocking({
            let path = std::path::PathBuf::from(path);
            move || super::files::replace(&path, &data)
        });
        let failed = |source| SessionError::CheckpointFile { path: path.to_owned(), source };
        match written.await {
            Ok(Ok(())) => Ok(Checkpoint { path: Some(path.to_owned()), ..checkpoint }),
            Ok(Err(e)) => Err(failed(e)),
            Err(e) => Err(failed(std::io::Error::other(e))),
        }
    }

    /// Whether the worker itself may read and write the host's files (it is not confined).
    fn worker_reaches_files(&self) -> bool {
        self.shared.config().level == phicode_security::Level::Unrestricted
    }

    async fn checkpoint_request(&self, path: Option<String>) -> Result<Checkpoint, SessionError> {
        match self.request(Message::Checkpoint(Checkpoint { path, ..Default::default() })).await? {
            Message::Checkpoint(checkpoint) => Ok(checkpoint),
            other => Err(unexpected("checkpoint", &other)),
        }
    }

    /// Loads checkpoint bytes (or, with `path`, a checkpoint file) into the namespace.
    pub async fn restore(
        &self,
        data: Option<Vec<u8>>,
        path: Option<&str>,
        clear_existing: bool,
    ) -> Result<RestoreReply, SessionError> {
        let (data, path) = match (data, path) {
            // A confined worker cannot open the file: this host reads it and sends the bytes.
            (None, Some(path)) if !self.worker_reaches_files() => {
                let read = tokio::fs::read(path).await;
                let bytes = read.map_err(|source| SessionError::CheckpointFile {
                    path: path.to_owned(),
                    source,
                })?;
                (Some(bytes), None)
            }
            other => other,
        };
        let body = Restore { data, path: path.map(str::to_owned), clear_existing };
        match self.request(Message::Restore(body)).await? {
            Message::RestoreReply(reply) => Ok(reply),
            other => Err(unexpected("restore", &other)),
        }
    }

    /// Completions of `code` at `cursor` (characters).
    pub async fn complete(&self, code: &str, cursor: usize) -> Result<CompleteReply, SessionError> {
        let body = Complete { code: code.into(), cursor_pos: cursor as u64 };
        match self.request(Message::Complete(body)).await? {
            Message::CompleteReply(reply) => Ok(reply),
            other => Err(unexpected("complete", &other)),
        }
    }

    /// Documentation of the name at `cursor` (characters) in `code`; `detail_level` 1 adds
    /// the source.
    pub async fn inspect(
        &self,
        code: &str,
        cursor: usize,
        detail_level: u8,
    ) -> Result<InspectReply, SessionError> {
        let body = Inspect { code: code.into(), cursor_pos: cursor as u64, detail_level };
        match self.request(Message::Inspect(body)).await? {
            Message::InspectReply(reply) => Ok(reply),
            other => Err(unexpected("inspect", &other)),
        }
    }

    /// Whether `code` is a whole cell or needs more lines.
    pub async fn is_complete(&self, code: &str) -> Result<IsCompleteReply, SessionError> {
        match self.request(Message::IsComplete(IsComplete { code: code.into() })).await? {
            Message::IsCompleteReply(reply) => Ok(reply),
            other => Err(unexpected("is_complete", &other)),
        }
    }

    /// Asks the worker to exit after queued work; kills it if it has not within `timeout`.
    pub async fn shutdown(&self, timeout: Duration) -> Result<(), SessionError> {
        let body = Shutdown { reason: "shutdown requested".into(), checkpoint: false };
        if self.post(Message::Shutdown(body)).await.is_ok() {
            self.wait_for_exit(timeout).await;
        }
        self.shared.shut_down();
        Ok(())
    }

    /// Like [`shutdown`](Self::shutdown), after the worker sent a checkpoint of its
    /// namespace (what a durable host keeps before giving a worker up).
    pub async fn shutdown_with_checkpoint(
        &self,
        timeout: Duration,
    ) -> Result<Checkpoint, SessionError> {
        let body = Shutdown { reason: "shutdown with checkpoint".into(), checkpoint: true };
        let reply = self.request(Message::Shutdown(body)).await;
        self.wait_for_exit(timeout).await;
        self.shared.shut_down();
        match reply? {
            Message::Checkpoint(checkpoint) => Ok(checkpoint),
            other => Err(unexpected("shutdown", &other)),
        }
    }

    /// Waits up to `timeout` for the worker to exit and its supervisor to report it.
    async fn wait_for_exit(&self, timeout: Duration) {
        let _ = tokio::time::timeout(timeout, self.shared.link_gone()).await;
    }

    async fn request(&self, body: Message) -> Result<Message, SessionError> {
        let kind = body.kind();
        let id = self.shared.next_id("r");
        let (reply, answer) = oneshot::channel();
        self.shared.register_request(id.clone(), reply)?;
        if let Err(e) = self.shared.send(Envelope::new(id.clone(), body)).await {
            self.shared.take_reply(&id);
            return Err(e);
        }
        let limit = self.shared.config().request_timeout;
        match tokio::time::timeout(limit, answer).await {
            Ok(Ok(reply)) => reply,
            Ok(Err(_)) => Err(SessionError::WorkerDead("the session closed".into())),
            Err(_) => {
                self.shared.take_reply(&id);
                Err(SessionError::Timeout(kind, limit))
            }
        }
    }
}

/// The failure of a `request` answered by `reply`, which is not its reply.
fn unexpected(request: &'static str, reply: &Message) -> SessionError {
    SessionError::UnexpectedReply { request, reply: reply.kind() }
}
