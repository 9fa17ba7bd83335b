//! Running one cell of a [`Live`] session: the pump reads its events into the session's
//! stream, its questions and what the caller gets back at the end. An ephemeral session's
//! cells go straight to its worker; a durable one's through its `DurableSession`, whose
//! outcome (recorded in a promise, and saying what a crash restored) ends the cell.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use phicode_durable::{DurableSession, End, Outcome};
use phicode_sessions::host::{Event, Execution};
use phicode_sessions::protocol::{ErrorKind, ErrorMessage, Execute, StreamName};
use tokio::sync::{mpsc, oneshot};

use crate::error::ApiError;
use crate::gather::{Gathered, append};
use crate::live::{Live, lock};
use crate::streamed::Streamed;

/// Events a durable cell may have in flight to its pump before the worker's reader waits.
const DURABLE_EVENTS: usize = 256;

/// What the pump keeps of one cell while it runs.
struct Reading {
    gathered: Gathered,
    /// Output bytes kept so far.
    used: usize,
    /// Output kept at most.
    cap: usize,
}

impl Live {
    /// Starts `cell` as the next execution; the receiver gets everything it produced (output
    /// kept up to `cap` bytes) when it ends.
    pub async fn start(
        self: &Arc<Self>,
        mut cell: Execute,
        cap: usize,
    ) -> Result<(String, oneshot::Receiver<Gathered>), ApiError> {
        let n = self.executions.fetch_add(1, Ordering::AcqRel) + 1;
        cell.allow_stdin = true;
        let (done, result) = oneshot::channel();
        let id = if let Some(durable) = &self.durable {
            let id = durable.next_id();
            self.began(&id);
            tokio::spawn(Arc::clone(self).pump_durable(
                Arc::clone(durable),
                id.clone(),
                cell,
                cap,
                done,
            ));
            id
        } else {
            let id = format!("{}:{n}", self.id);
            let execution = self
                .session
                .execute_request(Some(id.clone()), cell)
                .await
                .map_err(|e| ApiError::from_session(&e))?;
            self.began(&id);
            tokio::spawn(Arc::clone(self).pump(execution, cap, done));
            id
        };
        Ok((id, result))
    }

    fn began(&self, id: &str) {
        self.running.send_modify(|n| *n += 1);
        let _ = self.events.send(Streamed::Started { execution_id: id.to_owned() });
    }

    async fn pump(
        self: Arc<Self>,
        mut execution: Execution,
        cap: usize,
        done: oneshot::Sender<Gathered>,
    ) {
        let start = std::time::Instant::now();
        let mut reading = Reading { gathered: Gathered::default(), used: 0, cap };
        while let Some(event) = execution.next().await {
            self.take(event, &mut reading);
        }
        self.ended(execution.id(), reading.gathered, start, done);
    }

    async fn pump_durable(
        self: Arc<Self>,
        durable: Arc<DurableSession>,
        id: String,
        cell: Execute,
        cap: usize,
        done: oneshot::Sender<Gathered>,
    ) {
        let start = std::time::Instant::now();
        let mut reading = Reading { gathered: Gathered::default(), used: 0, cap };
        let (events, mut received) = mpsc::channel(DURABLE_EVENTS);
        let run = durable.execute(&id, cell, Some(events));
        tokio::pin!(run);
        let outcome = loop {
            tokio::select! {
                Some(event) = received.recv() => self.take_live(event, &mut reading),
                outcome = &mut run => break outcome,
            }
        };
        while let Ok(event) = received.try_recv() {
            self.take_live(event, &mut reading);
        }
        // The outcome, not the worker's last event, ends the cell: after a crash it says
        // what was restored.
        let end = match outcome {
            Ok(Outcome { end: End::Result(result), .. }) => Event::Result(result),
            Ok(Outcome { end: End::Error(error), .. }) => Event::Error(error),
            Err(e) => Event::Error(ErrorMessage {
                execution_id: Some(id.clone()),
                kind: ErrorKind::Request,
                exception_type: "SessionError".into(),
                exception_message: e.to_string(),
                traceback: String::new(),
                frames: Vec::new(),
                execution_count: None,
                execution_time: None,
            }),
        };
        self.take(end, &mut reading);
        self.ended(&id, reading.gathered, start, done);
    }

    /// Takes a durable cell's live event; its last (result or error) waits for the outcome.
    fn take_live(&self, event: Event, reading: &mut Reading) {
        if !matches!(event, Event::Result(_) | Event::Error(_)) {
            self.take(event, reading);
        }
    }

    fn take(&self, event: Event, reading: &mut Reading) {
        let streamed = Streamed::from_event(&event, &self.id);
        if let Streamed::Question(q) = &streamed {
            lock(&self.questions).insert(q.promise_id.clone(), q.clone());
        }
        let _ = self.events.send(streamed);
        let gathered = &mut reading.gathered;
        match event {
            Event::Output(o) => {
                let text = match o.stream {
                    StreamName::Stdout => &mut gathered.stdout,
                    StreamName::Stderr => &mut gathered.stderr,
                };
                gathered.truncated |= !append(text, &o.data, &mut reading.used, reading.cap);
            }
            Event::Result(r) => gathered.result = Some(r),
            Event::Error(e) => gathered.error = Some(e),
            _ => {}
        }
    }

    fn ended(
        &self,
        id: &str,
        mut gathered: Gathered,
        start: std::time::Instant,
        done: oneshot::Sender<Gathered>,
    ) {
        // Questions of a finished execution can no longer be answered.
        self.retire(|q| q.execution_id.as_deref() == Some(id));
        self.running.send_modify(|n| *n -= 1);
        gathered.elapsed = start.elapsed().as_secs_f64();
        let _ = done.send(gathered);
    }
}
