//! Running one cell from the REPL through the durable session: its events as they come,
//! Ctrl-C as an interrupt, `input()` and `approve()` asked inline (the answer settles the
//! question's durable promise), and how it ended, including a crash and what the recovery
//! restored.

use std::sync::Arc;

use phicode_sessions::host::Event;
use phicode_sessions::protocol::{ErrorKind, ErrorMessage, Execute};
use rustyline::error::ReadlineError;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

use super::helper::Editor;
use super::render;
use crate::outcome::End;
use crate::session::DurableSession;

/// What the REPL does after a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Read the next cell.
    Continue,
    /// Leave with this exit status (`exit()`, `sys.exit(n)`).
    Exit(u8),
}

/// Runs `code` as execution `id` to its end.
pub fn run_cell(
    runtime: &Runtime,
    durable: &Arc<DurableSession>,
    editor: &mut Editor,
    (id, code): (&str, &str),
    colour: bool,
) -> Flow {
    let (events, mut seen) = mpsc::channel(64);
    let running = {
        let (durable, id) = (Arc::clone(durable), id.to_owned());
        let request = Execute::new(code);
        runtime.spawn(async move { durable.execute(&id, request, Some(events)).await })
    };
    loop {
        // Ctrl-C reaches this process only (the worker has its own process group).
        let next = runtime.block_on(async {
            tokio::select! {
                event = seen.recv() => Some(event),
                _ = tokio::signal::ctrl_c() => None,
            }
        });
        match next {
            None => {
                let _ = runtime.block_on(durable.session().interrupt(Some(id)));
            }
            Some(None) => break,
            Some(Some(event)) => show(runtime, durable, editor, event, id),
        }
    }
    match runtime.block_on(running) {
        Ok(Ok(outcome)) => match outcome.end {
            End::Result(r) => render::result(&r, colour),
            End::Error(e) if e.exception_type == "SystemExit" => {
                return Flow::Exit(exit_status(&e));
            }
            End::Error(e) if e.kind == ErrorKind::WorkerDied => render::crash(&e, colour),
            End::Error(e) => render::error(&e, colour),
        },
        Ok(Err(e)) => eprintln!("phicode repl: {e}"),
        Err(e) => eprintln!("phicode repl: {e}"),
    }
    Flow::Continue
}

/// Shows an event while the cell runs, and asks its questions.
fn show(runtime: &Runtime, durable: &DurableSession, editor: &mut Editor, event: Event, id: &str) {
    match event {
        Event::Output(o) => render::output(&o),
        Event::Display(d) => render::display(&d),
        Event::Approval { approval_id, approval } => {
            let question = match &approval.data {
                serde_json::Value::Null => format!("{} — allow? [y/N] ", approval.prompt),
                data => format!("{} ({data}) — allow? [y/N] ", approval.prompt),
            };
            let granted = editor
                .readline(&question)
                .is_ok_and(|answer| matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"));
            let _ = runtime.block_on(async {
                if granted {
                    durable.resolve(&approval_id, "yes").await
                } else {
                    durable.reject(&approval_id).await
                }
            });
        }
        Event::Input { input_id, input } => {
            mask(editor, input.password);
            let line = editor.readline(&input.prompt);
            mask(editor, false);
            let _ = match line {
                Ok(line) => runtime.block_on(durable.resolve(&input_id, &line)),
                Err(ReadlineError::Interrupted) => {
                    runtime.block_on(durable.session().interrupt(Some(id))).map_err(Into::into)
                }
                Err(_) => runtime.block_on(durable.reject(&input_id)),
            };
        }
        // How it ended comes from its recorded outcome.
        Event::Result(_) | Event::Error(_) => {}
    }
}

/// The status `sys.exit(arg)` asks for, as python3 computes it: none is 0, an int is
/// itself (its low 8 bits), anything else is printed and is 1.
fn exit_status(error: &ErrorMessage) -> u8 {
    let message = error.exception_message.trim();
    if message.is_empty() || message == "None" {
        return 0;
    }
    match message.parse::<i64>() {
        Ok(status) => (status & 0xff) as u8,
        Err(_) => {
            eprintln!("{message}");
            1
        }
    }
}

/// Shows what is typed as asterisks (for `getpass()`), or not.
fn mask(editor: &Editor, on: bool) {
    if let Some(helper) = editor.helper() {
        helper.masked.store(on, std::sync::atomic::Ordering::Relaxed);
    }
}
