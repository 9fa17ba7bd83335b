//! Reading a cell at the prompt (lines until the worker calls it complete, at the indent it
//! suggests) and `name?` / `name??` documentation.

use phicode_sessions::host::Session;
use phicode_sessions::protocol::Completeness;
use rustyline::error::ReadlineError;

use super::error::ReplError;
use super::helper::{self, Editor};

/// `name?` shows the name's signature and docstring; `name??` adds its source.
pub fn inspect(runtime: &tokio::runtime::Runtime, session: &Session, text: &str) {
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
pub fn read_cell(
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
