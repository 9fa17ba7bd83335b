//! Running one piece of code in the durable session on behalf of a request: its output,
//! displays and `clear_output` go to iopub as they come, its `input()`, `getpass()` and
//! `approve()` are asked on the stdin channel of the client that sent the request, and the
//! answers settle their durable promises.

use std::collections::VecDeque;

use jupyter_protocol::{
    ClearOutput, DisplayData, InputRequest, JupyterMessage, JupyterMessageContent, Media,
    ReplyStatus, Stdio, StreamContent, Transient, UpdateDisplayData,
};
use phicode_durable::{DurableError, Outcome};
use phicode_sessions::host::Event;
use phicode_sessions::protocol::{Display, Execute, StreamName};
use serde_json::{Map, Value};
use tokio::sync::mpsc;

use crate::kernel::Kernel;

/// The MIME type of the setup code's messages to the kernel (never shown).
pub const KERNEL_MIME: &str = "application/vnd.phicode.kernel+json";

/// A question asked on stdin, waiting for its `input_reply`.
enum Asked {
    /// `input()` or `getpass()`: the promise id.
    Input(String),
    /// `approve()`: the promise id.
    Approval(String),
}

/// Runs `code` for `parent` and returns how it ended.
pub async fn run(
    kernel: &Kernel,
    parent: &JupyterMessage,
    code: Execute,
) -> Result<Outcome, DurableError> {
    let mut replies = kernel.stdin_replies.lock().await;
    // Replies to questions of earlier cells (answered after their cell was interrupted).
    while replies.try_recv().is_ok() {}
    let (events, mut seen) = mpsc::channel(64);
    let id = kernel.durable.next_id();
    let running = kernel.durable.execute(&id, code, Some(events));
    tokio::pin!(running);
    let mut asked = VecDeque::new();
    let outcome = loop {
        tokio::select! {
            biased;
            Some(event) = seen.recv() => on_event(kernel, parent, event, &mut asked).await,
            Some(reply) = replies.recv(), if !asked.is_empty() => {
                answer(kernel, reply, &mut asked).await;
            }
            outcome = &mut running => break outcome,
        }
    };
    // Events still buffered when the outcome came (the listener is gone: this ends).
    while let Some(event) = seen.recv().await {
        on_event(kernel, parent, event, &mut asked).await;
    }
    outcome
}

async fn on_event(
    kernel: &Kernel,
    parent: &JupyterMessage,
    event: Event,
    asked: &mut VecDeque<Asked>,
) {
    match event {
        Event::Output(o) => {
            let name = match o.stream {
                StreamName::Stdout => Stdio::Stdout,
                StreamName::Stderr => Stdio::Stderr,
            };
            kernel.publish(Some(parent), StreamContent { name, text: o.data });
        }
        Event::Display(d) => display(kernel, parent, d),
        Event::Input { input_id, input } => {
            let request = InputRequest { prompt: input.prompt, password: input.password };
            ask(kernel, parent, request).await;
            asked.push_back(Asked::Input(input_id));
        }
        Event::Approval { approval_id, approval } => {
            let prompt = match &approval.data {
                Value::Null => format!("{} — allow? [y/N] ", approval.prompt),
                data => format!("{} ({data}) — allow? [y/N] ", approval.prompt),
            };
            ask(kernel, parent, InputRequest { prompt, password: false }).await;
            asked.push_back(Asked::Approval(approval_id));
        }
        // How it ended is the outcome's to say.
        Event::Result(_) | Event::Error(_) => {}
    }
}

/// Sends an `input_request` to the client that sent `parent`.
async fn ask(kernel: &Kernel, parent: &JupyterMessage, request: InputRequest) {
    let message = kernel.child(parent, request);
    kernel.send(&kernel.stdin_out, &message).await;
}

/// Settles the oldest open question with `reply`.
async fn answer(kernel: &Kernel, reply: JupyterMessage, asked: &mut VecDeque<Asked>) {
    let JupyterMessageContent::InputReply(reply) = reply.content else { return };
    let Some(question) = asked.pop_front() else { return };
    let ok = matches!(reply.status, ReplyStatus::Ok);
    let settled = match question {
        Asked::Input(id) if ok => kernel.durable.resolve(&id, &reply.value).await,
        Asked::Approval(id) if ok && is_yes(&reply.value) => {
            kernel.durable.resolve(&id, "yes").await
        }
        Asked::Input(id) | Asked::Approval(id) => kernel.durable.reject(&id).await,
    };
    if let Err(e) = settled {
        eprintln!("phicode kernel: cannot answer the question: {e}");
    }
}

fn is_yes(answer: &str) -> bool {
    matches!(answer.trim(), "y" | "Y" | "yes" | "Yes")
}

/// A display: shown, updated, or (from the setup code) a message to the kernel.
fn display(kernel: &Kernel, parent: &JupyterMessage, d: Display) {
    if let Some(message) = d.data.get(KERNEL_MIME) {
        if let Some(clear) = message.get("clear_output") {
            let wait = clear.get("wait").and_then(Value::as_bool).unwrap_or(false);
            kernel.publish(Some(parent), ClearOutput { wait });
        }
        if message.get("matplotlib").is_some() {
            kernel.figures.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        return;
    }
    let transient = Transient { display_id: d.display_id.clone() };
    let data = media(d.data);
    match (d.update, d.display_id) {
        (true, Some(_)) => kernel
            .publish(Some(parent), UpdateDisplayData { data, metadata: d.metadata, transient }),
        _ => kernel.publish(
            Some(parent),
            DisplayData { data, metadata: d.metadata, transient: Some(transient) },
        ),
    }
}

/// A MIME bundle as typed media; one that does not fit its types keeps its plain text.
pub fn media(bundle: Map<String, Value>) -> Media {
    let plain = bundle.get("text/plain").cloned();
    serde_json::from_value(Value::Object(bundle)).unwrap_or_else(|_| {
        let mut only = Map::new();
        only.insert("text/plain".into(), plain.unwrap_or(Value::String(String::new())));
        serde_json::from_value(Value::Object(only)).unwrap_or_default()
    })
}

/// A cell number as Jupyter carries it.
pub fn count(n: u64) -> jupyter_protocol::ExecutionCount {
    jupyter_protocol::ExecutionCount::new(usize::try_from(n).unwrap_or(usize::MAX))
}
