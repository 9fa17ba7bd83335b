//! `phicode repl`: an interactive terminal on a [`Session`]. Multi-line cells end when the
//! worker says they are complete (`is_complete`), continuation lines start at the indent
//! it suggests; Tab completes names (from the live namespace) and `\word` symbol
//! sequences (`\for` → `∀`); `\symbols` lists them, `\restart` starts a fresh worker,
//! `name?` shows documentation (`name??` the source too).
//! Ctrl-C interrupts running code; Ctrl-D at the prompt, `exit()` or `sys.exit()` leaves.

mod background;
mod drive;
mod helper;
mod render;
mod symbols;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use phicode_core::SymbolTable;
use rustyline::error::ReadlineError;

use crate::host::{Session, SessionConfig, SessionError};
use crate::protocol::Completeness;
use helper::{Editor, ReplHelper};

/// What the REPL needs.
#[derive(Debug, Clone)]
pub struct ReplOptions {
    /// How to start the session's worker.
    pub session: SessionConfig,
    /// The table for the symbol input method (the dialect the worker converts with).
    pub table: SymbolTable,
    /// Where history is kept; `None` keeps none.
    pub history: Option<PathBuf>,
}

/// Why the REPL could not run.
#[derive(Debug, thiserror::Error)]
pub enum ReplError {
    /// The async runtime did not start.
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
    /// The session did not start.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The terminal could not be used.
    #[error("terminal: {0}")]
    Terminal(#[from] ReadlineError),
}

/// Runs the REPL until Ctrl-D.
pub fn run(options: ReplOptions) -> Result<(), ReplError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ReplError::Runtime)?;
    let session = runtime.block_on(Session::start(options.session.clone()))?;
    let mut editor = Editor::new()?;
    let symbols = symbols::sequences(&options.table);
    let helper = ReplHelper {
        session: session.clone(),
        runtime: runtime.handle().clone(),
        symbols: symbols.clone(),
        masked: AtomicBool::new(false),
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
            "phicode {} (Python {}) — \\symbols lists the symbols, Ctrl-D exits",
            ready.worker_version, ready.python_version
        );
    }
    loop {
        at_prompt.store(true, Ordering::Relaxed);
        let cell = read_cell(&runtime, &session, &mut editor)?;
        at_prompt.store(false, Ordering::Relaxed);
        let Some(cell) = cell else { break };
        if cell.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(cell.as_str());
        if let Some(path) = &options.history {
            let _ = editor.save_history(path);
        }
        match cell.trim() {
            "\\symbols" => print!("{}", symbols::table_text(&symbols)),
            "\\restart" => {
                if let Err(e) = runtime.block_on(session.restart()) {
                    eprintln!("phicode repl: {e}");
                }
            }
            text if text.ends_with('?') && !text.contains('\n') => {
                inspect(&runtime, &session, text);
            }
            _ => {
                if drive::run_cell(&runtime, &session, &mut editor, &cell, colour) {
                    break;
                }
            }
        }
        if !session.is_alive() {
            eprintln!("phicode repl: the worker died; \\restart starts a new one");
        }
    }
    let _ = runtime.block_on(session.shutdown(std::time::Duration::from_millis(500)));
    Ok(())
}

/// `name?` shows the name's signature and docstring; `name??` adds its source.
fn inspect(runtime: &tokio::runtime::Runtime, session: &Session, text: &str) {
    let detail = u8::from(text.ends_with("??"));
    let name = text.trim_end_matches('?');
    match runtime.block_on(session.inspect(name, name.chars().count(), detail)) {
        Ok(reply) if reply.found => {
            if let Some(doc) = reply.data.get("text/plain").and_then(|t| t.as_str()) {
                println!("{doc}");
            }
        }
        Ok(_) => println!("Object `{name}` not found."),
        Err(e) => eprintln!("phicode repl: {e}"),
    }
}

/// Reads lines until the worker calls the cell complete; `None` at Ctrl-D.
fn read_cell(
    runtime: &tokio::runtime::Runtime,
    session: &Session,
    editor: &mut Editor,
) -> Result<Option<String>, ReplError> {
    let mut cell = String::new();
    let mut indent = String::new();
    loop {
        let prompt = if cell.is_empty() { "φ> " } else { ".. " };
        match editor.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) => {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&line);
            }
            Err(ReadlineError::Interrupted) => {
                cell.clear();
                indent.clear();
                continue;
            }
            Err(ReadlineError::Eof) if cell.is_empty() => return Ok(None),
            Err(ReadlineError::Eof) => return Ok(Some(cell)),
            Err(e) => return Err(e.into()),
        }
        if cell.trim_start().starts_with('\\') && !cell.contains('\n') {
            return Ok(Some(cell));
        }
        // (The timer must be made inside the runtime.)
        let asked =
            async { tokio::time::timeout(helper::ANSWER_WITHIN, session.is_complete(&cell)).await };
        match runtime.block_on(asked) {
            Ok(Ok(reply)) if reply.status == Completeness::Incomplete => indent = reply.indent,
            _ => return Ok(Some(cell)),
        }
    }
}
