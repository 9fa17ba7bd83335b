//! Starting and stopping the kernel: the connection file, the durable session (resumed
//! from its state folder when the kernel was restarted), the sockets and their tasks,
//! SIGINT as an interrupt, and a shutdown that checkpoints the names first.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::time::Duration;

use jupyter_protocol::{ExecutionState, JupyterMessageContent};
use phicode_core::SymbolTable;
use phicode_durable::repl::symbols;
use phicode_durable::{DurableConfig, DurableSession, StateDir, Taken};
use phicode_sessions::host::SessionConfig;
use tokio::sync::{Mutex, mpsc, watch};
use zeromq::{RouterRecvHalf, SocketRecv};

use crate::error::KernelError;
use crate::history::History;
use crate::kernel::Kernel;
use crate::wire::Signer;
use crate::{connection, control, orphan, setup, shell, sockets, wire};

/// What `phicode kernel -f FILE` needs.
#[derive(Debug, Clone)]
pub struct KernelOptions {
    /// The connection file Jupyter wrote.
    pub connection_file: PathBuf,
    /// How to start the session's worker.
    pub session: SessionConfig,
    /// A session name that outlives every kernel (`--session NAME`); `None`: the name comes
    /// from the connection file, so the names live as long as the notebook's kernel does
    /// (restarts included) and are removed when it is shut down.
    pub name: Option<String>,
    /// The dialect's symbol table (for completing `\for` into `∀`).
    pub table: SymbolTable,
}

/// Runs the kernel until a `shutdown_request` (or SIGTERM).
pub fn run(options: KernelOptions) -> Result<(), KernelError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(KernelError::Runtime)?;
    runtime.block_on(serve(options))
}

async fn serve(options: KernelOptions) -> Result<(), KernelError> {
    let info = connection::load(&options.connection_file)?;
    let signer = Signer::new(&info.signature_scheme, &info.key)?;
    let name =
        options.name.clone().unwrap_or_else(|| connection::session_name(&options.connection_file));
    let state = StateDir::default_for(&name);
    // The client may connect while the worker starts: bind first.
    let sockets = sockets::bind_all(&info).await?;
    let mut config = options.session;
    config.session_id = Some(name.clone());
    let durable_config = DurableConfig {
        state_dir: state.as_ref().map(|s| s.path().to_path_buf()),
        ..Default::default()
    };
    let durable = DurableSession::start(config, durable_config).await?;
    let resumed = match durable.resume().await {
        Ok(Some(restored)) => {
            eprintln!("phicode kernel: resumed session {name}: {restored}");
            restored.as_of.unwrap_or(0)
        }
        Ok(None) => 0,
        Err(e) => {
            eprintln!("phicode kernel: could not resume session {name}: {e}");
            0
        }
    };
    let (replies_in, replies) = mpsc::unbounded_channel();
    let kernel = Arc::new(Kernel {
        durable: Arc::new(durable),
        signer: signer.clone(),
        ident: uuid::Uuid::new_v4().to_string(),
        iopub: sockets.iopub,
        stdin_out: sockets.stdin_out,
        stdin_replies: Mutex::new(replies),
        count: AtomicU64::new(resumed),
        history: History::default(),
        symbols: symbols::sequences(&options.table),
        figures: AtomicBool::new(false),
        stop: watch::channel(None).0,
    });
    setup::prepare(&kernel).await;
    kernel.status(None, ExecutionState::Starting);
    tokio::spawn(stdin_replies(signer, sockets.stdin_in, replies_in));
    tokio::spawn(shell::serve(Arc::clone(&kernel), sockets.shell_in, sockets.shell_out));
    tokio::spawn(control::serve(Arc::clone(&kernel), sockets.control_in, sockets.control_out));
    tokio::spawn(interrupt_on_sigint(Arc::clone(&kernel)));
    tokio::spawn(orphan::watch(Arc::clone(&kernel)));
    let restart = wait_for_stop(&kernel).await;
    shut_down(&kernel, state.as_ref(), restart || options.name.is_some()).await;
    Ok(())
}

/// Forwards every `input_reply` to the running cell.
async fn stdin_replies(
    signer: Signer,
    mut incoming: RouterRecvHalf,
    replies: mpsc::UnboundedSender<jupyter_protocol::JupyterMessage>,
) {
    while let Ok(frames) = incoming.recv().await {
        match wire::decode(&signer, frames) {
            Ok(reply) if matches!(reply.content, JupyterMessageContent::InputReply(_)) => {
                if replies.send(reply).is_err() {
                    return;
                }
            }
            Ok(_) => {}
            Err(e) => eprintln!("phicode kernel: stdin: a message was refused: {e}"),
        }
    }
}

/// SIGINT interrupts the running cell (for clients that signal rather than message).
async fn interrupt_on_sigint(kernel: Arc<Kernel>) {
    let Ok(mut sigint) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
    else {
        return;
    };
    while sigint.recv().await.is_some() {
        if let Err(e) = kernel.session().interrupt(None).await {
            eprintln!("phicode kernel: interrupt: {e}");
        }
    }
}

/// Waits for a shutdown request (its `restart`) or SIGTERM (a restart: names are kept).
async fn wait_for_stop(kernel: &Kernel) -> bool {
    let mut stop = kernel.stop.subscribe();
    let mut sigterm =
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    loop {
        tokio::select! {
            changed = stop.changed() => {
                if changed.is_err() {
                    return true;
                }
                if let Some(restart) = *stop.borrow() {
                    return restart;
                }
            }
            Some(()) = async { sigterm.as_mut()?.recv().await } => return true,
        }
    }
}

/// Checkpoints the names (when they are to be kept) and stops the worker; removes the
/// state folder of a kernel shut down for good.
async fn shut_down(kernel: &Kernel, state: Option<&StateDir>, keep: bool) {
    let session = kernel.session();
    if let (true, Some(state)) = (keep, state)
        && let Ok(path) = state.checkpoint()
    {
        match session.checkpoint_to(&path.to_string_lossy()).await {
            Ok(checkpoint) => {
                let taken = Taken { cell: kernel.count(), names: checkpoint.namespace_size };
                let _ = state.record(&taken);
            }
            Err(e) => eprintln!("phicode kernel: could not checkpoint the names: {e}"),
        }
    }
    let _ = session.shutdown(Duration::from_millis(500)).await;
    if let (false, Some(state)) = (keep, state) {
        let _ = std::fs::remove_dir_all(state.path());
    }
}
