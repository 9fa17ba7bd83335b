//! `PHICODE_STRICT` and `PHICODE_VALIDATION`: how bad dialect entries are treated.

/// How a command treats a config's bad entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Bad entries refuse the whole config (exit 2) instead of being dropped.
    pub strict: bool,
    /// Dropped entries are reported as warnings (entries are validated either way).
    pub validation: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self { strict: false, validation: true }
    }
}

impl Settings {
    /// Reads the environment: `PHICODE_STRICT=true|1`, `PHICODE_VALIDATION=false|0`.
    pub fn from_env() -> Self {
        Self::from_values(
            std::env::var("PHICODE_STRICT").ok().as_deref(),
            std::env::var("PHICODE_VALIDATION").ok().as_deref(),
        )
    }

    /// Settings from the two variables' values (`None` when unset).
    pub fn from_values(strict: Option<&str>, validation: Option<&str>) -> Self {
        let defaults = Self::default();
        Self {
            strict: strict.and_then(flag).unwrap_or(defaults.strict),
            validation: validation.and_then(flag).unwrap_or(defaults.validation),
        }
    }
}

fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_variables() {
        assert_eq!(Settings::from_values(None, None), Settings::default());
        let s = Settings::from_values(Some("TRUE"), Some("false"));
        assert!(s.strict && !s.validation);
        assert!(Settings::from_values(Some("1"), None).strict);
        assert!(!Settings::from_values(Some("maybe"), None).strict);
    }
}
