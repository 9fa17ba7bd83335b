//! The line editor's helper: completion of `\word` symbol sequences, and of names through
//! the session (the worker completes against the live namespace); masking for getpass().

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use tokio::runtime::Handle;

use super::symbols;
use phicode_sessions::host::Session;

/// How long the REPL waits for the worker's completion or completeness answer.
pub const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(2);

/// The REPL's line editor, with this helper.
pub type Editor = rustyline::Editor<ReplHelper, DefaultHistory>;

/// Completion for `phicode repl`.
pub struct ReplHelper {
    /// Where names are completed: the worker knows the live namespace.
    pub session: Session,
    /// Completion is asked from rustyline's synchronous callback, so it blocks on this.
    pub runtime: Handle,
    /// The `(\word, symbol)` pairs of the symbol input method.
    pub symbols: Vec<(String, String)>,
    /// Set while `getpass()` asks: the line shows as asterisks.
    pub masked: AtomicBool,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        if let Some(start) = before.rfind('\\')
            && before[start + 1..].chars().all(|c| c.is_alphanumeric() || c == '_')
        {
            let typed = &before[start..];
            let pairs = symbols::matching(&self.symbols, typed)
                .into_iter()
                .map(|(word, symbol)| Pair {
                    display: format!("{word} {symbol}"),
                    replacement: symbol.clone(),
                })
                .collect();
            return Ok((start, pairs));
        }
        let cursor = before.chars().count();
        // A worker busy in C code must not freeze the terminal.
        let asked = async {
            tokio::time::timeout(ANSWER_WITHIN, self.session.complete(line, cursor)).await
        };
        let Ok(Ok(reply)) = self.runtime.block_on(asked) else { return Ok((pos, Vec::new())) };
        let start: usize = line.chars().take(reply.cursor_start as usize).map(char::len_utf8).sum();
        let pairs = reply
            .matches
            .into_iter()
            .map(|m| Pair { display: m.clone(), replacement: m })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.masked.load(Ordering::Relaxed) {
            Cow::Owned("*".repeat(line.chars().count()))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.masked.load(Ordering::Relaxed)
    }
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}
