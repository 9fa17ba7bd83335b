//! How the REPL shows what an execution produced: output as it comes, `Out[n]:` values,
//! rich displays as their plain text, and tracebacks in colour (unless NO_COLOR is set or
//! stdout is not a terminal).

use std::io::{IsTerminal, Write};

use phicode_sessions::host::STDERR_TAIL_MARKER;
use phicode_sessions::protocol::{Display, ErrorMessage, ExecResult, Output, StreamName};

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

/// A cell whose worker died: what killed it and what the recovery restored (the message),
/// then the worker's last stderr lines (the traceback's tail), once.
pub fn crash(e: &ErrorMessage, colour: bool) {
    let (on, off) = if colour { (BOLD_RED, RESET) } else { ("", "") };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{on}worker died:{off} {}", e.exception_message);
    if let Some((_, tail)) = e.traceback.split_once(STDERR_TAIL_MARKER) {
        let _ = writeln!(err, "{}", tail.trim_end());
    }
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
    let text = if colour { styled_traceback(&e.traceback) } else { e.traceback.clone() };
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// A traceback with ANSI colours: the exception in bold red, file locations in green,
/// source lines in cyan, carets in red.
pub fn styled_traceback(traceback: &str) -> String {
    let lines: Vec<&str> = traceback.trim_end().lines().collect();
    let last = lines.len().saturating_sub(1);
    let mut out = String::new();
    for (n, line) in lines.into_iter().enumerate() {
        let styled = if n == last {
            match line.split_once(':') {
                Some((kind, rest)) => format!("{BOLD_RED}{kind}{RESET}:{rest}"),
                None => format!("{BOLD_RED}{line}{RESET}"),
            }
        } else if line.starts_with("Traceback") {
            format!("{RED}{line}{RESET}")
        } else if let Some(rest) = line.strip_prefix("  File ") {
            format!("  {DIM}File{RESET} {GREEN}{rest}{RESET}")
        } else if !line.trim().is_empty() && line.trim_start().chars().all(|c| "^~ ".contains(c)) {
            format!("{RED}{line}{RESET}")
        } else {
            format!("{CYAN}{line}{RESET}")
        };
        out.push_str(&styled);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracebacks_are_coloured_by_part() {
        let tb = "Traceback (most recent call last):\n  File \"<cell 1>\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n";
        let styled = styled_traceback(tb);
        assert!(
            styled.contains("\x1b[1;31mZeroDivisionError\x1b[0m: division by zero"),
            "{styled:?}"
        );
        assert!(styled.contains("\x1b[32m\"<cell 1>\", line 1, in <module>\x1b[0m"), "{styled:?}");
        assert!(styled.contains("\x1b[31m    ~^~\x1b[0m"), "{styled:?}");
        assert!(styled.contains("\x1b[36m    1/0\x1b[0m"), "{styled:?}");
    }
}
