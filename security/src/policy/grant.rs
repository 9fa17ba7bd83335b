//! What one session is granted: its capabilities, the paths and hosts they reach, its
//! limits; and narrowing one grant by another.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::PolicyError;
use crate::limits::Limits;

/// A session's grant. Paths and hosts bound the host-served capabilities: `fs.read` may
/// read under `read` (and `write`), `fs.write` write under `write`, `net.connect` reach
/// `hosts` (`name:port`, `*` for any port); anything else asks for approval.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Grant {
    /// Capability names (`input`, `fs.read`, ...).
    pub capabilities: BTreeSet<String>,
    /// Folders and files `fs.read` reads without asking.
    pub read: Vec<PathBuf>,
    /// Folders and files `fs.write` writes (and `fs.read` reads) without asking.
    pub write: Vec<PathBuf>,
    /// `host:port` pairs `net.connect` reaches without asking.
    pub hosts: Vec<String>,
    /// Resource limits.
    pub limits: Limits,
}

impl Grant {
    /// Whether capability `name` is granted.
    pub fn allows(&self, name: &str) -> bool {
        self.capabilities.contains(name)
    }

    /// Whether `path` (absolute, normalised) lies under one of `roots`.
    pub fn covers(roots: &[PathBuf], path: &Path) -> bool {
        roots.iter().any(|root| path.starts_with(root))
    }

    /// Whether `host:port` is one of the hosts.
    pub fn reaches(&self, host: &str, port: u16) -> bool {
        self.hosts.iter().any(|h| match h.rsplit_once(':') {
            Some((name, "*")) => name.eq_ignore_ascii_case(host),
            Some((name, p)) => name.eq_ignore_ascii_case(host) && p == port.to_string(),
            None => false,
        })
    }

    /// This grant narrowed by `narrower`: refused when `narrower` asks for anything this
    /// grant does not give (a capability, a path outside its paths, a host), so an
    /// override can take away and never add. Limits take the lower of each.
    pub fn narrowed(&self, narrower: &Grant) -> Result<Grant, PolicyError> {
        let widening = |what: String| Err(PolicyError::Widens(what));
        if let Some(extra) = narrower.capabilities.difference(&self.capabilities).next() {
            return widening(format!("capability `{extra}`"));
        }
        for (theirs, ours, what) in [
            (&narrower.read, [&self.read[..], &self.write[..]].concat(), "read"),
            (&narrower.write, self.write.clone(), "write"),
        ] {
            if let Some(path) = theirs.iter().find(|p| !Self::covers(&ours, p)) {
                return widening(format!("{what} path {}", path.display()));
            }
        }
        if let Some(host) = narrower.hosts.iter().find(|h| !self.hosts.contains(h)) {
            return widening(format!("host {host}"));
        }
        Ok(Grant { limits: self.limits.min(narrower.limits), ..narrower.clone() })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn grant(caps: &[&str], write: &[&str]) -> Grant {
        Grant {
            capabilities: caps.iter().map(|c| c.to_string()).collect(),
            write: write.iter().map(PathBuf::from).collect(),
            hosts: vec!["example.com:443".into(), "localhost:*".into()],
            ..Grant::default()
        }
    }

    #[test]
    fn narrowing_keeps_what_is_asked_and_refuses_more() {
        let level = grant(&["fs.read", "fs.write", "input"], &["/data"]);
        let narrowed = level.narrowed(&grant(&["fs.read"], &["/data/out"])).unwrap();
        assert_eq!(narrowed.capabilities.len(), 1);
        let why = level.narrowed(&grant(&["subprocess"], &[])).unwrap_err().to_string();
        assert!(why.contains("capability `subprocess`"), "{why}");
        let why = level.narrowed(&grant(&["fs.write"], &["/etc"])).unwrap_err().to_string();
        assert!(why.contains("write path /etc"), "{why}");
    }

    #[test]
    fn limits_only_go_down() {
        let mut level = grant(&[], &[]);
        level.limits.memory_mb = Some(100);
        let mut asked = grant(&[], &[]);
        asked.limits.memory_mb = Some(1000);
        assert_eq!(level.narrowed(&asked).unwrap().limits.memory_mb, Some(100));
    }

    #[test]
    fn hosts_match_by_name_and_port_or_any_port() {
        let g = grant(&[], &[]);
        assert!(g.reaches("EXAMPLE.com", 443) && !g.reaches("example.com", 80));
        assert!(g.reaches("localhost", 8080) && !g.reaches("evil.com", 443));
    }

    #[test]
    fn paths_are_covered_by_whole_components() {
        assert!(Grant::covers(&[PathBuf::from("/data")], Path::new("/data/x")));
        assert!(!Grant::covers(&[PathBuf::from("/data")], Path::new("/database")));
    }
}
