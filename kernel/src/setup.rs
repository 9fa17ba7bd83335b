//! The kernel's Python side (`setup.py`): run silently in each new worker, it adds
//! `clear_output()`, IPython's display functions and matplotlib's inline backend.

use phicode_sessions::protocol::{Execute, Language};

use crate::kernel::Kernel;

/// The setup's source.
const SETUP: &str = include_str!("setup.py");

/// A silent, uncounted execution of `code` (Python) that records no source.
fn quiet(code: String) -> Execute {
    Execute {
        language: Language::Python,
        store_history: false,
        silent: true,
        capture_source: false,
        allow_stdin: false,
        ..Execute::new(code)
    }
}

/// The setup, run in a namespace of its own so that the user's stays untouched.
pub fn code() -> Execute {
    // A JSON string literal is a valid Python string literal.
    let source = serde_json::to_string(SETUP).unwrap_or_default();
    quiet(format!(
        "exec(compile({source}, '<phicode kernel setup>', 'exec'), \
         {{'__name__': 'phicode_kernel_setup', '__builtins__': __builtins__}})"
    ))
}

/// Shows the figures the last cell left open.
pub fn flush() -> Execute {
    quiet("__phicode_flush_figures__()".into())
}

/// Runs the setup in the session's worker; a failure is reported, not fatal (the kernel
/// still runs cells, without the notebook extras).
pub async fn prepare(kernel: &Kernel) {
    match kernel.session().execute_request(None, code()).await {
        Ok(running) => {
            let collected = running.collect().await;
            if let Some(e) = collected.error() {
                eprintln!(
                    "phicode kernel: the notebook setup failed: {}: {}",
                    e.exception_type, e.exception_message
                );
            }
        }
        Err(e) => eprintln!("phicode kernel: the notebook setup failed: {e}"),
    }
}
