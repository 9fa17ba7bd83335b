//! Running one cell from the REPL: stream its events, turn Ctrl-C into an interrupt, and
//! ask `input()` lines inline.

use rustyline::error::ReadlineError;
use tokio::runtime::Runtime;

use super::helper::Editor;
use super::render;
use crate::host::{Event, Session};
use crate::protocol::Verdict;

/// Runs `code` to its end; true when it asked to leave (`exit()`, `quit()`, `sys.exit()`).
pub fn run_cell(
    runtime: &Runtime,
    session: &Session,
    editor: &mut Editor,
    code: &str,
    colour: bool,
) -> bool {
    let execution = runtime.block_on(session.execute(code));
    let mut execution = match execution {
        Ok(execution) => execution,
        Err(e) => {
            eprintln!("phicode repl: {e}");
            return false;
        }
    };
    loop {
        // Ctrl-C reaches this process only (the worker has its own process group).
        let next = runtime.block_on(async {
            tokio::select! {
                event = execution.next() => Some(event),
                _ = tokio::signal::ctrl_c() => None,
            }
        });
        let event = match next {
            None => {
                let _ = runtime.block_on(session.interrupt(Some(execution.id())));
                continue;
            }
            Some(None) => return false,
            Some(Some(event)) => event,
        };
        match event {
            Event::Output(o) => render::output(&o),
            Event::Display(d) => render::display(&d),
            Event::Result(r) => render::result(&r, colour),
            Event::Error(e) if e.exception_type == "SystemExit" => return true,
            Event::Error(e) => render::error(&e, colour),
            Event::Approval { approval_id, approval } => {
                let question = match &approval.data {
                    serde_json::Value::Null => format!("{} — allow? [y/N] ", approval.prompt),
                    data => format!("{} ({data}) — allow? [y/N] ", approval.prompt),
                };
                let verdict = match editor.readline(&question) {
                    Ok(answer) if matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") => {
                        Verdict::Granted
                    }
                    _ => Verdict::Denied,
                };
                let _ = runtime.block_on(session.approval_response(&approval_id, verdict));
            }
            Event::Input { input_id, input } => {
                mask(editor, input.password);
                let line = editor.readline(&input.prompt);
                mask(editor, false);
                let _ = runtime.block_on(async {
                    match line {
                        Ok(line) => session.input_response(&input_id, &line).await,
                        Err(ReadlineError::Interrupted) => {
                            session.interrupt(Some(execution.id())).await
                        }
                        Err(_) => session.input_eof(&input_id).await,
                    }
                });
            }
        }
    }
}

/// Shows what is typed as asterisks (for `getpass()`), or not.
fn mask(editor: &Editor, on: bool) {
    if let Some(helper) = editor.helper() {
        helper.masked.store(on, std::sync::atomic::Ordering::Relaxed);
    }
}
