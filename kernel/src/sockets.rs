//! The kernel's five ZeroMQ sockets, bound at the connection file's endpoints: shell,
//! control and stdin (ROUTER), iopub (PUB, fed by one task so messages keep their order)
//! and the heartbeat (REP, echoing on its own task).

use jupyter_protocol::ConnectionInfo;
use tokio::sync::mpsc;
use zeromq::{
    PubSocket, RepSocket, RouterRecvHalf, RouterSendHalf, RouterSocket, Socket, SocketRecv,
    SocketSend, ZmqMessage,
};

use crate::error::KernelError;

/// The bound sockets, split into the halves the kernel's tasks use.
pub struct Sockets {
    /// Shell requests in.
    pub shell_in: RouterRecvHalf,
    /// Shell replies out.
    pub shell_out: RouterSendHalf,
    /// Control requests in.
    pub control_in: RouterRecvHalf,
    /// Control replies out.
    pub control_out: RouterSendHalf,
    /// `input_reply` in.
    pub stdin_in: RouterRecvHalf,
    /// `input_request` out.
    pub stdin_out: RouterSendHalf,
    /// Messages for the iopub task to publish, in order.
    pub iopub: mpsc::UnboundedSender<ZmqMessage>,
}

async fn router(endpoint: &str) -> Result<(RouterSendHalf, RouterRecvHalf), KernelError> {
    let mut socket = RouterSocket::new();
    bind(&mut socket, endpoint).await?;
    Ok(socket.split())
}

async fn bind(socket: &mut impl Socket, endpoint: &str) -> Result<(), KernelError> {
    socket
        .bind(endpoint)
        .await
        .map(drop)
        .map_err(|source| KernelError::Bind { endpoint: endpoint.to_owned(), source })
}

/// Binds every socket and starts the heartbeat and iopub tasks.
pub async fn bind_all(info: &ConnectionInfo) -> Result<Sockets, KernelError> {
    let (shell_out, shell_in) = router(&info.shell_url()).await?;
    let (control_out, control_in) = router(&info.control_url()).await?;
    let (stdin_out, stdin_in) = router(&info.stdin_url()).await?;
    let mut iopub = PubSocket::new();
    bind(&mut iopub, &info.iopub_url()).await?;
    let mut heartbeat = RepSocket::new();
    bind(&mut heartbeat, &info.hb_url()).await?;
    tokio::spawn(echo(heartbeat));
    let (to_iopub, queued) = mpsc::unbounded_channel();
    tokio::spawn(publish(iopub, queued));
    Ok(Sockets {
        shell_in,
        shell_out,
        control_in,
        control_out,
        stdin_in,
        stdin_out,
        iopub: to_iopub,
    })
}

/// The heartbeat: every ping comes back as it is.
async fn echo(mut socket: RepSocket) {
    while let Ok(ping) = socket.recv().await {
        if socket.send(ping).await.is_err() {
            // The pinging client went away between its ping and our echo: wait for the next.
            continue;
        }
    }
}

/// Publishes queued messages in order until every sender is gone.
async fn publish(mut socket: PubSocket, mut queued: mpsc::UnboundedReceiver<ZmqMessage>) {
    while let Some(message) = queued.recv().await {
        // PUB drops what no subscriber wants; a send error is not the kernel's problem.
        let _ = socket.send(message).await;
    }
}
