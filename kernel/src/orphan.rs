//! A kernel whose launcher died shuts itself down, as ipykernel's parent poller does: a
//! Jupyter server or script killed without shutting its kernels down would otherwise leave
//! them (and their workers) running for ever, with nobody able to reach them.

use std::sync::Arc;
use std::time::Duration;

use crate::kernel::Kernel;

/// Set by jupyter_client in every kernel it launches: the launcher's process id.
const PARENT_ENV: &str = "JPY_PARENT_PID";

/// How often the parent is looked at: ipykernel's figure; a second is nothing next to how
/// long an orphan would otherwise live, and costs nothing.
const EVERY: Duration = Duration::from_secs(1);

/// Shuts the kernel down for good once it has lost the process that started it.
///
/// Only kernels jupyter_client launched are watched (`JPY_PARENT_PID` is set). The parent
/// watched is the one the kernel had when it started, not the variable's pid: a kernelspec
/// that starts the kernel through a wrapper (a shell script, `uv run`) has the wrapper as its
/// parent. A reparented process gets pid 1 or a subreaper, so any change means the parent
/// died.
pub async fn watch(kernel: Arc<Kernel>) {
    let launched = std::env::var(PARENT_ENV).ok().and_then(|pid| pid.parse::<u32>().ok());
    let parent = std::os::unix::process::parent_id();
    // Already orphaned (or started by init itself): there is no change to wait for.
    if launched.is_none() || parent == 1 {
        return;
    }
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        if std::os::unix::process::parent_id() != parent {
            eprintln!("phicode kernel: the process that started it ({parent}) is gone: stopping");
            kernel.stop.send_replace(Some(false));
            return;
        }
    }
}
