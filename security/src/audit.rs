//! The audit log: one JSON line per sensitive action, appended by one `write` so lines of
//! several sessions sharing a file never interleave. Worker-side events come from CPython's
//! audit hooks, which code can evade: they are observations, never the enforcement.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use serde_json::Value;

use crate::level::Level;

/// Where a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A capability call the host decided.
    Capability,
    /// An audit-hook event inside the worker.
    Worker,
}

/// What became of the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Allowed by the grant, or approved.
    Granted,
    /// Refused by the policy, a person, or the operating system.
    Denied,
    /// Allowed, then failed.
    Failed,
    /// Seen by an audit hook; the confinement decides what happens.
    Observed,
}

/// One line of the log.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// Seconds since the Unix epoch.
    pub time: f64,
    /// The session.
    pub session: &'a str,
    /// The execution, when one runs.
    pub execution: Option<&'a str>,
    /// The session's level.
    pub level: Level,
    /// Host or worker.
    pub source: Source,
    /// The capability, or the audit event's name (`open`, `socket.connect`, ...).
    pub action: &'a str,
    /// Its arguments, as JSON.
    pub detail: Value,
    /// What became of it.
    pub outcome: Outcome,
    /// Who approved or refused it, or why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

/// An append-only JSON-lines file.
#[derive(Debug)]
pub struct AuditLog {
    file: Mutex<File>,
}

impl AuditLog {
    /// Opens (creating) `path` for appending, readable by its owner only.
    pub fn open(path: &Path) -> std::io::Result<Self> {
        use std::os::unix::fs::OpenOptionsExt;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let file = OpenOptions::new().append(true).create(true).mode(0o600).open(path)?;
        Ok(Self { file: Mutex::new(file) })
    }

    /// Appends `record`. A failed write is returned, never hidden: a caller that must not
    /// lose records can stop.
    pub fn write(&self, record: &Record<'_>) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(record).map_err(std::io::Error::other)?;
        line.push(b'\n');
        self.file.lock().unwrap_or_else(PoisonError::into_inner).write_all(&line)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn each_record_is_one_json_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit/log.jsonl");
        let log = AuditLog::open(&path).unwrap();
        for outcome in [Outcome::Granted, Outcome::Denied] {
            let record = Record {
                time: 1.5,
                session: "s1",
                execution: Some("x1"),
                level: Level::Standard,
                source: Source::Capability,
                action: "fs.write",
                detail: serde_json::json!({"path": "/tmp/a"}),
                outcome,
                note: None,
            };
            log.write(&record).unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["outcome"], "denied");
        assert_eq!(lines[0]["level"], "standard");
    }
}
