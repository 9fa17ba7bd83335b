//! The policy: for each level, the [`Grant`] a session at that level gets. Built-in
//! defaults, replaced level by level by a policy file (an administrator's: it may widen
//! the defaults); a session's own override may only narrow its level's grant.

mod error;
mod grant;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use error::PolicyError;
pub use grant::Grant;

use crate::capability::names;
use crate::level::Level;
use crate::limits::Limits;

/// Grants by level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    grants: BTreeMap<Level, Grant>,
}

impl Default for Policy {
    /// The built-in policy: see [`default_grant`].
    fn default() -> Self {
        Self { grants: Level::ALL.into_iter().map(|l| (l, default_grant(l))).collect() }
    }
}

impl Policy {
    /// The grant of `level`.
    pub fn grant(&self, level: Level) -> &Grant {
        // Every level has an entry: `default` fills all five and `load` only replaces.
        &self.grants[&level]
    }

    /// Gives `level` the grant `grant` (how a program adds its own capabilities' names).
    pub fn set(&mut self, level: Level, grant: Grant) -> Result<(), PolicyError> {
        if let Some(name) = grant.capabilities.iter().find(|c| !names::is_valid(c)) {
            return Err(PolicyError::UnknownCapability(name.clone()));
        }
        self.grants.insert(level, grant);
        Ok(())
    }

    /// The built-in policy with the levels `path` names replaced. The file is a JSON
    /// object from level names to grants: `{"standard": {"capabilities": [...], "read":
    /// [...], "write": [...], "hosts": [...], "limits": {...}}}`; a `~/` path is under
    /// `$HOME`. Unknown levels or fields are errors, not ignored.
    pub fn load(path: &Path) -> Result<Self, PolicyError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| PolicyError::Read { path: path.into(), source })?;
        let invalid = |why: String| PolicyError::Invalid { path: path.into(), why };
        let levels: BTreeMap<Level, Grant> =
            serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        let mut policy = Self::default();
        for (level, mut grant) in levels {
            if let Some(name) = grant.capabilities.iter().find(|c| !names::is_valid(c)) {
                return Err(invalid(format!("{level}: capability name `{name}` is not valid")));
            }
            for path in grant.read.iter_mut().chain(grant.write.iter_mut()) {
                *path = expand_home(path);
            }
            policy.grants.insert(level, grant);
        }
        Ok(policy)
    }
}

/// `~/x` under `$HOME`; anything else as it is.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

/// The built-in grant of `level`: questions everywhere; files and network (by approval,
/// with no paths or hosts granted up front) from STANDARD; processes and the environment
/// from TRUSTED; everything at UNRESTRICTED.
pub fn default_grant(level: Level) -> Grant {
    let mut capabilities = vec![names::INPUT, names::APPROVE, names::CLOCK];
    if level >= Level::Standard {
        capabilities.extend([names::FS_READ, names::FS_WRITE, names::NET_CONNECT]);
    }
    if level >= Level::Trusted {
        capabilities.extend([names::SUBPROCESS, names::ENV]);
    }
    Grant {
        capabilities: capabilities.into_iter().map(String::from).collect(),
        limits: Limits::default_for(level),
        ..Grant::default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn load(json: &str) -> Result<Policy, PolicyError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("policy.json");
        std::fs::write(&path, json).unwrap();
        Policy::load(&path)
    }

    #[test]
    fn defaults_grow_with_the_level() {
        let policy = Policy::default();
        assert!(!policy.grant(Level::Restricted).allows("fs.read"));
        assert!(policy.grant(Level::Standard).allows("fs.write"));
        assert!(!policy.grant(Level::Standard).allows("subprocess"));
        assert!(policy.grant(Level::Trusted).allows("subprocess"));
    }

    #[test]
    fn a_file_replaces_the_levels_it_names() {
        let policy = load(r#"{"standard": {"capabilities": ["fs.read"], "read": ["/data"]}}"#);
        let policy = policy.unwrap();
        assert_eq!(policy.grant(Level::Standard).read, [PathBuf::from("/data")]);
        assert!(!policy.grant(Level::Standard).allows("fs.write"));
        assert!(policy.grant(Level::Trusted).allows("subprocess"));
    }

    #[test]
    fn mistakes_are_errors_with_a_place() {
        let why = load(r#"{"standard": {"capabilitiez": []}}"#).unwrap_err().to_string();
        assert!(why.contains("capabilitiez") && why.contains("line 1"), "{why}");
        let why = load(r#"{"root": {}}"#).unwrap_err().to_string();
        assert!(why.contains("root"), "{why}");
        let why = load(r#"{"standard": {"capabilities": ["rm -rf"]}}"#).unwrap_err().to_string();
        assert!(why.contains("`rm -rf` is not valid"), "{why}");
    }
}
