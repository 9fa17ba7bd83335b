//! The host's part while an external interpreter runs the program: signals sent to the host
//! by another process (`kill -TERM`, `kill -INT`) are passed on to the interpreter, which is
//! the program. Signals from the terminal already reach both (one process group), so those
//! are not sent twice. The host itself outlives them, so its temporary files are removed.

use std::thread::JoinHandle;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::exfiltrator::WithOrigin;
use signal_hook::iterator::{Handle, SignalsInfo};

/// The signals passed on: those that end a program, and that a program may handle.
const RELAYED: [i32; 4] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT];

/// Passes signals on to the child until dropped.
pub struct Relay {
    /// Closing it ends the relaying thread.
    handle: Handle,
    /// The relaying thread, joined on drop so no signal is passed on after the child is gone.
    thread: Option<JoinHandle<()>>,
}

impl Relay {
    /// Starts relaying to process `child`; `None` when the signals cannot be caught (the
    /// host then dies of them, as it did before).
    pub fn start(child: u32) -> Option<Self> {
        let mut signals = SignalsInfo::<WithOrigin>::new(RELAYED).ok()?;
        let handle = signals.handle();
        let child = Pid::from_raw(i32::try_from(child).ok()?);
        let thread = std::thread::spawn(move || {
            for origin in signals.forever() {
                // A process sent it to the host alone; the terminal's reach the child too.
                if origin.process.is_some()
                    && let Ok(signal) = Signal::try_from(origin.signal)
                {
                    let _ = kill(child, signal);
                }
            }
        });
        Some(Self { handle, thread: Some(thread) })
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
