//! The control channel: `interrupt_request` (KeyboardInterrupt in the running cell, within
//! a millisecond, even in `time.sleep` or a blocked `input()`), `shutdown_request`, and
//! `kernel_info_request`; served at once, while a cell runs on the shell channel.

use std::sync::Arc;

use jupyter_protocol::{
    ExecutionState, InterruptReply, JupyterMessage, JupyterMessageContent, ReplyError, ReplyStatus,
    ShutdownReply,
};
use serde_json::json;
use zeromq::{RouterRecvHalf, RouterSendHalf};

use crate::kernel::Kernel;

/// Serves the control channel until the kernel stops.
pub async fn serve(kernel: Arc<Kernel>, mut incoming: RouterRecvHalf, out: RouterSendHalf) {
    loop {
        let request = kernel.next_request(&mut incoming, "control").await;
        kernel.status(Some(&request), ExecutionState::Busy);
        handle(&kernel, &out, &request).await;
        kernel.status(Some(&request), ExecutionState::Idle);
    }
}

/// Answers a control request (or a shell request the shell does not handle itself).
pub async fn handle(kernel: &Kernel, out: &RouterSendHalf, request: &JupyterMessage) {
    match &request.content {
        JupyterMessageContent::KernelInfoRequest(_) => {
            crate::info::answer(kernel, out, request).await
        }
        JupyterMessageContent::InterruptRequest(_) => {
            let reply = match kernel.session().interrupt(None).await {
                Ok(()) => InterruptReply::new(),
                Err(e) => InterruptReply {
                    status: ReplyStatus::Error,
                    error: Some(Box::new(ReplyError {
                        ename: "InterruptError".into(),
                        evalue: e.to_string(),
                        traceback: Vec::new(),
                    })),
                },
            };
            kernel.reply(out, request, reply).await;
        }
        JupyterMessageContent::ShutdownRequest(r) => {
            let reply = ShutdownReply { restart: r.restart, status: ReplyStatus::Ok, error: None };
            kernel.reply(out, request, reply).await;
            kernel.stop.send_replace(Some(r.restart));
        }
        // Comms: no comm targets are registered, so messages to comms are dropped, as
        // ipykernel drops those for a target it does not know.
        JupyterMessageContent::CommOpen(_)
        | JupyterMessageContent::CommMsg(_)
        | JupyterMessageContent::CommClose(_) => {}
        other => {
            // An unknown request still gets a reply, so the client does not wait forever.
            let kind = other.message_type().replace("_request", "_reply");
            if kind.ends_with("_reply") {
                let content = json!({
                    "status": "error",
                    "ename": "NotImplementedError",
                    "evalue": format!("phicode kernel does not handle {}", other.message_type()),
                    "traceback": [],
                });
                let mut reply = kernel.child(
                    request,
                    jupyter_protocol::UnknownMessage { msg_type: kind.clone(), content },
                );
                reply.header.msg_type = kind;
                kernel.send(out, &reply).await;
            }
        }
    }
}
