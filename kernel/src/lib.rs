//! `phicode kernel`: a Jupyter kernel (messaging protocol 5.3 over ZeroMQ, HMAC-signed) whose
//! cells, in φ or Python, run in a durable phicode session: interrupts reach `time.sleep`
//! and a blocked `input()` within a millisecond, `input()` and `getpass()` are asked on the
//! stdin channel, and a restarted kernel finds the user's names again. `install` writes
//! the kernelspec Jupyter finds it by.
//!
//! Calls go one way: `run` (start, stop) → `shell` and `control` (one request each) →
//! `execute` → `drive` (one execution's events) → `kernel` (replies, iopub) → `wire`.

mod connection;
mod control;
mod drive;
mod error;
mod execute;
mod history;
mod info;
pub mod install;
mod kernel;
mod orphan;
mod pager;
mod run;
mod setup;
mod shell;
mod sockets;
mod wire;

pub use error::{InstallError, KernelError, WireError};
pub use run::{KernelOptions, run};
