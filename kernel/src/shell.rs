//! The shell channel: requests are served one at a time, in order, each between a `busy`
//! and an `idle` status on iopub (as ipykernel does). The control channel shares the
//! handlers of the requests it may also carry.

use std::sync::Arc;

use futures::FutureExt;

use jupyter_protocol::{
    CommInfoReply, CompleteReply, CompleteRequest, ExecutionState, HistoryReply, InspectReply,
    InspectRequest, IsCompleteReply, IsCompleteReplyStatus, JupyterMessage, JupyterMessageContent,
    ReplyStatus,
};
use phicode_durable::repl::symbols;
use phicode_sessions::protocol::Completeness;
use serde_json::{Map, Value};
use zeromq::{RouterRecvHalf, RouterSendHalf};

use crate::control;
use crate::drive::media;
use crate::execute::{aborted, execute};
use crate::kernel::Kernel;

/// Serves the shell channel until the kernel stops.
pub async fn serve(kernel: Arc<Kernel>, mut incoming: RouterRecvHalf, out: RouterSendHalf) {
    loop {
        let request = kernel.next_request(&mut incoming, "shell").await;
        if serve_one(&kernel, &out, &request, false).await {
            // A cell failed with stop_on_error: the execute requests already waiting (a
            // "run all") are aborted, as ipykernel aborts them; other requests are served.
            // Only what has arrived already: polled once, never waited for.
            while let Some(request) = kernel.next_request(&mut incoming, "shell").now_or_never() {
                serve_one(&kernel, &out, &request, true).await;
            }
        }
    }
}

/// Serves one request between busy and idle; true when it was a cell that failed with
/// stop_on_error.
async fn serve_one(
    kernel: &Kernel,
    out: &RouterSendHalf,
    request: &JupyterMessage,
    aborting: bool,
) -> bool {
    kernel.status(Some(request), ExecutionState::Busy);
    let failed = match &request.content {
        JupyterMessageContent::ExecuteRequest(_) if aborting => {
            kernel.reply(out, request, aborted(kernel)).await;
            false
        }
        _ => handle(kernel, out, request).await,
    };
    kernel.status(Some(request), ExecutionState::Idle);
    failed
}

/// Answers one shell request; true when it was a cell that failed with stop_on_error.
async fn handle(kernel: &Kernel, out: &RouterSendHalf, request: &JupyterMessage) -> bool {
    match &request.content {
        JupyterMessageContent::ExecuteRequest(cell) => {
            return execute(kernel, out, request, cell).await;
        }
        JupyterMessageContent::CompleteRequest(r) => {
            kernel.reply(out, request, complete(kernel, r).await).await;
        }
        JupyterMessageContent::InspectRequest(r) => {
            kernel.reply(out, request, inspect(kernel, r).await).await;
        }
        JupyterMessageContent::IsCompleteRequest(r) => {
            kernel.reply(out, request, is_complete(kernel, &r.code).await).await;
        }
        JupyterMessageContent::HistoryRequest(h) => {
            let content = serde_json::to_value(h).unwrap_or_default();
            let history = kernel.history.answer(&content);
            let history = serde_json::from_value(Value::Array(history)).unwrap_or_default();
            kernel.reply(out, request, HistoryReply::new(history)).await;
        }
        // A history request with fields left out (jupyter_client sends only those given).
        JupyterMessageContent::UnknownMessage(u) if u.msg_type == "history_request" => {
            let content = &u.content;
            let history = kernel.history.answer(content);
            let history = serde_json::from_value(Value::Array(history)).unwrap_or_default();
            kernel.reply(out, request, HistoryReply::new(history)).await;
        }
        JupyterMessageContent::CommInfoRequest(_) => {
            kernel.reply(out, request, CommInfoReply::default()).await;
        }
        _ => control::handle(kernel, out, request).await,
    }
    false
}

/// Completions: `\word` becomes its symbol; names come from the live namespace.
async fn complete(kernel: &Kernel, request: &CompleteRequest) -> CompleteReply {
    let cursor = request.cursor_pos;
    let before: String = request.code.chars().take(cursor).collect();
    if let Some(start) = before.rfind('\\')
        && before[start + 1..].chars().all(|c| c.is_alphanumeric() || c == '_')
    {
        let typed = &before[start..];
        let matches = symbols::matching(&kernel.symbols, typed)
            .into_iter()
            .map(|(_, symbol)| symbol.clone())
            .collect();
        let cursor_start = before[..start].chars().count();
        return CompleteReply { matches, cursor_start, cursor_end: cursor, ..Default::default() };
    }
    match kernel.session().complete(&request.code, cursor).await {
        Ok(reply) => CompleteReply {
            matches: reply.matches,
            cursor_start: reply.cursor_start as usize,
            cursor_end: reply.cursor_end as usize,
            ..Default::default()
        },
        Err(e) => {
            eprintln!("phicode kernel: complete: {e}");
            CompleteReply { cursor_start: cursor, cursor_end: cursor, ..Default::default() }
        }
    }
}

/// The signature and docstring (and, at detail level 1, the source) of the name at the
/// cursor.
async fn inspect(kernel: &Kernel, request: &InspectRequest) -> InspectReply {
    let detail = u8::from(request.detail_level.unwrap_or(0) > 0);
    match kernel.session().inspect(&request.code, request.cursor_pos, detail).await {
        Ok(reply) => InspectReply {
            found: reply.found,
            data: media(reply.data),
            metadata: Map::new(),
            status: ReplyStatus::Ok,
            error: None,
        },
        Err(e) => {
            eprintln!("phicode kernel: inspect: {e}");
            InspectReply::default()
        }
    }
}

/// Whether the code is a whole cell, and the next line's indent when it is not.
async fn is_complete(kernel: &Kernel, code: &str) -> IsCompleteReply {
    match kernel.session().is_complete(code).await {
        Ok(reply) => match reply.status {
            Completeness::Complete => IsCompleteReply::complete(),
            Completeness::Incomplete => IsCompleteReply::incomplete(reply.indent),
            Completeness::Invalid => IsCompleteReply::invalid(),
        },
        Err(_) => IsCompleteReply::new(IsCompleteReplyStatus::Unknown, String::new()),
    }
}
