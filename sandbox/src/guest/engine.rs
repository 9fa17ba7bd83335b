//! The wasmtime engine every guest instance of a session runs on, and the ticker that
//! advances its epoch so running guests look at their deadline and stop flags.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use wasmtime::{Config, Engine, OptLevel};

use crate::error::SandboxError;

/// How often running guests check their deadline: the time limit's precision. An
/// interrupt does not wait for it (it bumps the epoch itself).
pub const TICK: Duration = Duration::from_millis(10);

/// An engine that compiles with epoch checks (for time limits and interrupts).
pub fn new_engine() -> Result<Engine, SandboxError> {
    let mut config = Config::new();
    config.epoch_interruption(true);
    config.cranelift_opt_level(OptLevel::Speed);
    Engine::new(&config).map_err(|e| SandboxError::wasmtime(&e))
}

/// Advances the engine's epoch every [`TICK`] until dropped.
pub struct Ticker {
    stop: Arc<AtomicBool>,
}

impl Ticker {
    /// Starts the ticking thread.
    pub fn start(engine: Engine) -> Result<Self, SandboxError> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        std::thread::Builder::new().name("sandbox-ticker".into()).spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(TICK);
                engine.increment_epoch();
            }
        })?;
        Ok(Self { stop })
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
