//! The five security levels, from the most confined to the least.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How much code in a session may do. Ordered: a lower level never allows what a higher
/// one forbids.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// CPython compiled for WASI inside wasmtime: a scratch folder, no network, no
    /// processes, fuel and a memory cap.
    Sandbox,
    /// The native worker under Landlock, seccomp and rlimits, with a clean environment.
    Restricted,
    /// As RESTRICTED, plus files and network through capabilities the policy grants.
    Standard,
    /// As STANDARD, plus processes and the inherited environment.
    Trusted,
    /// Nothing checked: what `phicode run` and `phicode repl` did before levels existed.
    #[default]
    Unrestricted,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 5] =
        [Self::Sandbox, Self::Restricted, Self::Standard, Self::Trusted, Self::Unrestricted];

    /// A native worker confined by the operating system (Landlock, seccomp, rlimits):
    /// RESTRICTED, STANDARD and TRUSTED.
    pub fn is_native_confined(self) -> bool {
        matches!(self, Self::Restricted | Self::Standard | Self::Trusted)
    }

    /// The level's name on the command line and in policy files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sandbox => "sandbox",
            Self::Restricted => "restricted",
            Self::Standard => "standard",
            Self::Trusted => "trusted",
            Self::Unrestricted => "unrestricted",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A level name that is none of the five.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown level `{0}`: use sandbox, restricted, standard, trusted or unrestricted")]
pub struct UnknownLevel(pub String);

impl FromStr for Level {
    type Err = UnknownLevel;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let lower = name.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.as_str() == lower).ok_or_else(|| UnknownLevel(name.into()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_round_trip_and_case_does_not_matter() {
        for level in Level::ALL {
            assert_eq!(level.as_str().parse::<Level>().unwrap(), level);
        }
        assert_eq!("SANDBOX".parse::<Level>().unwrap(), Level::Sandbox);
        assert!("root".parse::<Level>().unwrap_err().to_string().contains("unknown level `root`"));
    }

    #[test]
    fn levels_are_ordered_from_most_confined() {
        assert!(Level::Sandbox < Level::Restricted && Level::Trusted < Level::Unrestricted);
        assert_eq!(Level::default(), Level::Unrestricted);
    }
}
