//! Sizes written like `10KB`, `1MB`, `512KiB`, `4096`: decimal units are powers of 1000,
//! binary ones (`KiB`, `MiB`, `GiB`) powers of 1024.

/// A size that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot read size {0:?}: expected a number with an optional unit B, KB, MB, GB, KiB, MiB or GiB"
)]
pub struct SizeError(pub String);

/// Parses `text` into bytes.
pub fn parse_size(text: &str) -> Result<usize, SizeError> {
    let trimmed = text.trim();
    let split = trimmed.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return Err(SizeError(text.into())),
    };
    let value: f64 = number.parse().map_err(|_| SizeError(text.into()))?;
    Ok((value * factor).round() as usize)
}

/// A short label for `bytes`: `10 KB`, `1 MB`, `1.5 MB`.
pub fn label(bytes: usize) -> String {
    let (value, unit) = match bytes {
        b if b >= 1_000_000 => (b as f64 / 1e6, "MB"),
        b if b >= 1_000 => (b as f64 / 1e3, "KB"),
        b => (b as f64, "B"),
    };
    format!("{} {unit}", format!("{value:.1}").trim_end_matches(".0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_labels_sizes() {
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("10 KB"), Ok(10_000));
        assert_eq!(parse_size("1.5mb"), Ok(1_500_000));
        assert_eq!(parse_size("2KiB"), Ok(2048));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("10 parsecs").is_err());
        assert!(parse_size("MB").is_err());
        assert_eq!(label(10_000), "10 KB");
        assert_eq!(label(1_500_000), "1.5 MB");
        assert_eq!(label(12), "12 B");
    }
}
