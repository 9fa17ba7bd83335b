//! The REPL's own commands (`\help`, `\symbols`, `\restart`, `name?`), and bringing back a
//! worker that died between cells.

use std::sync::Arc;

use tokio::runtime::Runtime;

use super::{cells, symbols};
use crate::session::DurableSession;

/// What `\help` prints.
const HELP: &str = "\
Type φ or Python; a cell runs when it is complete (an empty line ends a block).
  \\help       this list
  \\symbols    the symbols and how to type them (\\for then Tab gives ∀)
  \\restart    a fresh worker with an empty namespace
  name?       the signature and documentation of name (name?? adds its source)
  Ctrl-C      interrupt the running cell (at the prompt: clear the line)
  Ctrl-D      leave (so do exit() and sys.exit(n), with status n)
";

/// Runs `cell` if it is one of the REPL's commands; false when it is code.
pub fn run(
    runtime: &Runtime,
    durable: &DurableSession,
    cell: &str,
    table: &[(String, String)],
) -> bool {
    match cell.trim() {
        "\\help" => print!("{HELP}"),
        "\\symbols" => print!("{}", symbols::table_text(table)),
        "\\restart" => {
            if let Err(e) = runtime.block_on(durable.session().restart()) {
                eprintln!("phicode repl: {e}");
            }
        }
        text if text.starts_with('\\') && !text.contains('\n') => {
            eprintln!("phicode repl: unknown command {text} (\\help lists them)");
        }
        text if text.ends_with('?') && !text.contains('\n') => {
            cells::inspect(runtime, durable.session(), text);
        }
        _ => return false,
    }
    true
}

/// A worker that died after its cell ended (a thread's crash, the out-of-memory killer) is
/// replaced now, its checkpoint restored, rather than at the next cell.
pub fn revive_if_dead(runtime: &Runtime, durable: &Arc<DurableSession>) {
    if durable.session().is_alive() {
        return;
    }
    match runtime.block_on(durable.recover()) {
        Ok(restored) => eprintln!("phicode repl: the worker died and was restarted; {restored}"),
        Err(e) => eprintln!("phicode repl: the worker died and could not be restarted: {e}"),
    }
}
