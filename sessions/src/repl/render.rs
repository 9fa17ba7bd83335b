//! How the REPL shows what an execution produced: output as it comes, `Out[n]:` values,
//! rich displays as their plain text, and tracebacks in colour (unless NO_COLOR is set or
//! stdout is not a terminal).

use std::io::{IsTerminal, Write};

use crate::protocol::{Display, ErrorMessage, ExecResult, Output, StreamName};

const RED: &str = "\x1b[31m";
const BOLD_RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Whether to colour.
pub fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Output text, as is.
pub fn output(o: &Output) {
    match o.stream {
        StreamName::Stdout => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(o.data.as_bytes()).and_then(|()| out.flush());
        }
        StreamName::Stderr => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(o.data.as_bytes()).and_then(|()| err.flush());
        }
    }
}

/// A display's plain text.
pub fn display(d: &Display) {
    if let Some(text) = d.data.get("text/plain").and_then(|t| t.as_str()) {
        println!("{text}");
    }
}

/// `Out[n]: value`.
pub fn result(r: &ExecResult, colour: bool) {
    let Some(repr) = &r.repr else { return };
    let label = match r.execution_count {
        Some(n) => format!("Out[{n}]: "),
        None => String::new(),
    };
    if colour {
        println!("{RED}{label}{RESET}{repr}");
    } else {
        println!("{label}{repr}");
    }
}

/// The traceback, coloured.
pub fn error(e: &ErrorMessage, colour: bool) {
    let mut err = std::io::stderr().lock();
    if !colour {
        let _ = err.write_all(e.traceback.as_bytes());
        return;
    }
    let last = e.traceback.trim_end().lines().count().saturating_sub(1);
    for (n, line) in e.traceback.trim_end().lines().enumerate() {
        let styled = if n == last {
            match line.split_once(':') {
                Some((kind, rest)) => format!("{BOLD_RED}{kind}{RESET}:{rest}"),
                None => format!("{BOLD_RED}{line}{RESET}"),
            }
        } else if line.starts_with("Traceback") {
            format!("{RED}{line}{RESET}")
        } else if let Some(rest) = line.strip_prefix("  File ") {
            format!("  {DIM}File{RESET} {GREEN}{rest}{RESET}")
        } else if line.trim_start().chars().all(|c| "^~ ".contains(c)) {
            format!("{RED}{line}{RESET}")
        } else {
            format!("{CYAN}{line}{RESET}")
        };
        let _ = writeln!(err, "{styled}");
    }
}
