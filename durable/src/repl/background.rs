//! Output that arrives while the prompt waits (threads and tasks of earlier cells) is
//! printed at once over the prompt line, and the prompt is drawn again below it.
//! (rustyline's external printer would redraw the line being typed too, but with it
//! rustyline 17 loses the input that follows a multi-byte character, such as any φ symbol.)

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::broadcast::{self, error::RecvError};

use phicode_sessions::host::Event;

/// Prints `events` until the session closes; `at_prompt` says whether a prompt is shown.
pub async fn print(mut events: broadcast::Receiver<Event>, at_prompt: Arc<AtomicBool>) {
    loop {
        let text = match events.recv().await {
            Ok(Event::Output(o)) => o.data,
            Ok(Event::Display(d)) => match d.data.get("text/plain").and_then(|t| t.as_str()) {
                Some(text) => format!("{text}\n"),
                None => continue,
            },
            Ok(Event::Error(e)) => e.traceback,
            Ok(_) | Err(RecvError::Lagged(_)) => continue,
            Err(RecvError::Closed) => return,
        };
        let mut out = std::io::stdout().lock();
        let end = if text.ends_with('\n') { "" } else { "\n" };
        let prompt = if at_prompt.load(Ordering::Relaxed) { "φ> " } else { "" };
        let _ = write!(out, "\r\x1b[2K{text}{end}{prompt}").and_then(|()| out.flush());
    }
}
