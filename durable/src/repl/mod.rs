//! `phicode repl`: an interactive terminal on a [`DurableSession`]. Multi-line cells end
//! when the worker says they are complete (`is_complete`), continuation lines start at the
//! indent it suggests; Tab completes names (from the live namespace) and `\word` symbol
//! sequences (`\for` → `∀`); `name?` shows documentation (`name??` the source too); `\help`
//! lists the REPL's commands. Ctrl-C interrupts running code; Ctrl-D, `exit()` or
//! `sys.exit(n)` leaves (with status n). A worker that dies is replaced and its last
//! checkpoint restored, and the REPL says so; a named session (`--session NAME`) resumes
//! where it was left, even after the REPL itself was killed.

mod background;
mod cells;
mod commands;
mod drive;
mod error;
mod helper;
mod render;
pub mod symbols;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use phicode_core::SymbolTable;
use phicode_sessions::host::SessionConfig;

use crate::config::DurableConfig;
use crate::session::DurableSession;
use drive::Flow;
pub use error::ReplError;
use helper::{Editor, ReplHelper};
pub use render::styled_traceback;

/// What the REPL needs.
#[derive(Debug, Clone)]
pub struct ReplOptions {
    /// How to start the session's worker (its `session_id` names a resumable session).
    pub session: SessionConfig,
    /// Where promises and checkpoints go, and what a crash does.
    pub durable: DurableConfig,
    /// The table for the symbol input method (the dialect the worker converts with).
    pub table: SymbolTable,
    /// Where history is kept; `None` keeps none.
    pub history: Option<PathBuf>,
}

/// Runs the REPL until Ctrl-D (status 0) or `sys.exit(n)` (status n).
pub fn run(options: ReplOptions) -> Result<u8, ReplError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ReplError::Runtime)?;
    let durable = runtime.block_on(DurableSession::start(options.session, options.durable))?;
    let durable = Arc::new(durable);
    let session = durable.session().clone();
    let mut editor = Editor::new()?;
    let symbols = symbols::sequences(&options.table);
    let masked = AtomicBool::new(false);
    let helper = ReplHelper {
        session: session.clone(),
        runtime: runtime.handle().clone(),
        symbols: symbols.clone(),
        masked,
    };
    editor.set_helper(Some(helper));
    if let Some(path) = &options.history {
        let _ = editor.load_history(path);
    }
    let colour = render::colour();
    let at_prompt = Arc::new(AtomicBool::new(false));
    runtime.spawn(background::print(session.events(), at_prompt.clone()));
    if let Some(ready) = session.ready() {
        println!(
            "phicode {} (Python {}) — \\help lists the REPL's commands, Ctrl-D exits",
            ready.worker_version, ready.python_version
        );
    }
    match runtime.block_on(durable.resume()) {
        Ok(Some(restored)) => println!("resumed session {}: {restored}", session.id()),
        Ok(None) => {}
        Err(e) => eprintln!("phicode repl: could not resume the session: {e}"),
    }
    let status = loop {
        at_prompt.store(true, Ordering::Relaxed);
        let cell = cells::read_cell(&runtime, &session, &mut editor)?;
        at_prompt.store(false, Ordering::Relaxed);
        let Some(cell) = cell else { break 0 };
        if cell.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(cell.as_str());
        if let Some(path) = &options.history {
            let _ = editor.save_history(path);
        }
        if commands::run(&runtime, &durable, &cell, &symbols) {
            continue;
        }
        if let Flow::Exit(status) =
            drive::run_cell(&runtime, &durable, &mut editor, (&durable.next_id(), &cell), colour)
        {
            break status;
        }
        commands::revive_if_dead(&runtime, &durable);
    };
    let _ = runtime.block_on(session.shutdown(std::time::Duration::from_millis(500)));
    Ok(status)
}
