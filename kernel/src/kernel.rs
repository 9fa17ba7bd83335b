//! [`Kernel`]: what every handler shares: the durable session, the iopub and stdin
//! channels, the execution counter, the history, and how replies are made and sent.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use bytes::Bytes;
use jupyter_protocol::{ExecutionState, JupyterMessage, JupyterMessageContent, Status};
use phicode_durable::DurableSession;
use phicode_sessions::host::Session;
use tokio::sync::{Mutex, mpsc, watch};
use zeromq::{RouterRecvHalf, RouterSendHalf, SocketRecv, SocketSend, ZmqMessage};

use crate::history::History;
use crate::wire::{self, Signer};

/// The kernel's shared state.
pub struct Kernel {
    /// The durable session cells run in.
    pub durable: Arc<DurableSession>,
    /// Signs everything sent.
    pub signer: Signer,
    /// This kernel's session id in message headers.
    pub ident: String,
    /// To the iopub task.
    pub iopub: mpsc::UnboundedSender<ZmqMessage>,
    /// `input_request` out.
    pub stdin_out: RouterSendHalf,
    /// `input_reply` messages, in arrival order.
    pub stdin_replies: Mutex<mpsc::UnboundedReceiver<JupyterMessage>>,
    /// The last execution count the worker reported (`In[n]`).
    pub count: AtomicU64,
    /// The cells run, for `history_request`.
    pub history: History,
    /// `(\word, symbol)` pairs of the dialect, for completing `\for` into `∀`.
    pub symbols: Vec<(String, String)>,
    /// Whether matplotlib's inline backend was loaded: cells are then followed by showing
    /// the figures they left open.
    pub figures: AtomicBool,
    /// Set to `Some(restart)` once a shutdown was asked for.
    pub stop: watch::Sender<Option<bool>>,
}

impl Kernel {
    /// The next well-signed request on `incoming` (`channel` names it in the log).
    pub async fn next_request(
        &self,
        incoming: &mut RouterRecvHalf,
        channel: &str,
    ) -> JupyterMessage {
        loop {
            match incoming.recv().await {
                Ok(frames) => match wire::decode(&self.signer, frames) {
                    Ok(request) => return request,
                    Err(e) => eprintln!("phicode kernel: {channel}: a message was refused: {e}"),
                },
                Err(e) => {
                    eprintln!("phicode kernel: {channel}: {e}");
                    // A socket in trouble must not make this loop spin.
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                }
            }
        }
    }

    /// The session underneath the durable one.
    pub fn session(&self) -> &Session {
        self.durable.session()
    }

    /// The last execution count.
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    /// Records the worker's execution count.
    pub fn saw_count(&self, count: u64) {
        self.count.fetch_max(count, Ordering::Relaxed);
    }

    /// A message answering or caused by `parent`.
    pub fn child(
        &self,
        parent: &JupyterMessage,
        content: impl Into<JupyterMessageContent>,
    ) -> JupyterMessage {
        self.stamped(JupyterMessage::new(content, Some(parent)))
    }

    /// `message` with this kernel's session and user name in its header.
    fn stamped(&self, mut message: JupyterMessage) -> JupyterMessage {
        message.header.session.clone_from(&self.ident);
        message.header.username = "phicode".into();
        message
    }

    /// Sends `content` as the reply to `parent` on a ROUTER socket (shell or control).
    pub async fn reply(
        &self,
        socket: &RouterSendHalf,
        parent: &JupyterMessage,
        content: impl Into<JupyterMessageContent>,
    ) {
        let message = self.child(parent, content);
        self.send(socket, &message).await;
    }

    /// Sends `message` to its identities on `socket`.
    pub async fn send(&self, socket: &RouterSendHalf, message: &JupyterMessage) {
        match wire::encode(&self.signer, message) {
            Ok(frames) => {
                if let Err(e) = socket.clone().send(frames).await {
                    eprintln!("phicode kernel: cannot send {}: {e}", message.message_type());
                }
            }
            Err(e) => eprintln!("phicode kernel: cannot encode {}: {e}", message.message_type()),
        }
    }

    /// Publishes `content` on iopub, as caused by `parent` (none: the kernel's own news).
    pub fn publish(
        &self,
        parent: Option<&JupyterMessage>,
        content: impl Into<JupyterMessageContent>,
    ) {
        let mut message = match parent {
            Some(parent) => self.child(parent, content),
            None => self.stamped(JupyterMessage::new(content, None)),
        };
        let topic = format!("kernel.{}.{}", self.ident, message.message_type());
        message.zmq_identities = vec![Bytes::from(topic)];
        match wire::encode(&self.signer, &message) {
            Ok(frames) => {
                let _ = self.iopub.send(frames);
            }
            Err(e) => eprintln!("phicode kernel: cannot encode {}: {e}", message.message_type()),
        }
    }

    /// Publishes the kernel's state (`busy`, `idle`, `starting`).
    pub fn status(&self, parent: Option<&JupyterMessage>, state: ExecutionState) {
        self.publish(parent, Status { execution_state: state });
    }
}
