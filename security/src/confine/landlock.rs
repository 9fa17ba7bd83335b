//! The Landlock ruleset: read-only paths, read-write paths, no TCP bind or connect, and
//! no signals or abstract Unix sockets reaching outside the confined processes.

use std::path::{Path, PathBuf};

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, PathBeneath, PathFd, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope,
};

use super::error::ConfineError;
use crate::level::Level;

/// The newest ABI whose rights are asked for: 6 brings signal and abstract-socket scoping,
/// the last rights this ruleset needs.
const ABI_NEEDED: ABI = ABI::V6;

/// Restricts this thread and its future children, or says why it cannot.
pub fn apply(
    level: Level,
    read_only: &[PathBuf],
    read_write: &[PathBuf],
    programs: bool,
) -> Result<(), ConfineError> {
    let fail = |why: String| ConfineError::Landlock { level, why };
    let all = AccessFs::from_all(ABI_NEEDED);
    let mut read = AccessFs::from_read(ABI_NEEDED);
    if !programs {
        // Nothing is executed (seccomp refuses execve too).
        read.remove(AccessFs::Execute);
    }
    let write = all & !AccessFs::Execute;
    let ruleset = Ruleset::default()
        .set_compatibility(CompatLevel::HardRequirement)
        .handle_access(all)
        .and_then(|r| r.handle_access(AccessNet::from_all(ABI_NEEDED)))
        .and_then(|r| r.scope(Scope::from_all(ABI_NEEDED)))
        .and_then(|r| r.create())
        .map_err(|e| fail(e.to_string()))?;
    let mut ruleset = ruleset;
    for (paths, access) in [(read_only, read), (read_write, write)] {
        for path in paths.iter().filter(|p| p.exists()) {
            let access =
                if path.is_dir() { access } else { access & AccessFs::from_file(ABI_NEEDED) };
            ruleset = ruleset
                .add_rule(PathBeneath::new(open(path).map_err(&fail)?, access))
                .map_err(|e| fail(format!("{}: {e}", path.display())))?;
        }
    }
    let status = ruleset.restrict_self().map_err(|e| fail(e.to_string()))?;
    match status.ruleset {
        RulesetStatus::FullyEnforced => Ok(()),
        other => Err(fail(format!("the kernel enforces it only partly ({other:?})"))),
    }
}

fn open(path: &Path) -> Result<PathFd, String> {
    PathFd::new(path).map_err(|e| format!("{}: {e}", path.display()))
}
