//! One message about a place in a file, printed as `file:line:col: severity: message`.

use std::fmt;
use std::io::Write;

use phicode_core::Position;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The command fails.
    Error,
    /// The command goes on.
    Warning,
}

/// A message about a file, optionally at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user should read it (`<stdin>` for standard input).
    pub file: String,
    /// Line and column (1-based, characters), when the problem has a place.
    pub position: Option<Position>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// An error at `position` in `file`.
    pub fn error(file: impl Into<String>, position: Position, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            position: Some(position),
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// The same diagnostic as a warning.
    pub fn warning(self) -> Self {
        Self { severity: Severity::Warning, ..self }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.position {
            Some(p) => {
                write!(f, "{}:{}:{}: {severity}: {}", self.file, p.line, p.column, self.message)
            }
            None => write!(f, "{}: {severity}: {}", self.file, self.message),
        }
    }
}

/// Prints diagnostics to stderr, one a line (a closed stderr is not worth failing over).
pub fn print_all(diagnostics: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(stderr, "{d}");
    }
}
