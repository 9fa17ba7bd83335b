//! Dialect configs: finding `.(φ)/config.json` or `.phicode/config.json`, reading them, and
//! the environment settings that decide how strictly they are validated.

mod discovery;
mod load;
mod settings;

pub use discovery::{CONFIG_FOLDERS, discover};
pub use load::{Config, display_name, load};
pub use settings::Settings;

use std::path::Path;

use crate::diagnostic::print_all;
use crate::error::Error;

/// The config for a program in `start` (or the `explicit` file), validated as `settings`
/// say: warnings printed unless validation is off, an error in strict mode.
pub fn resolve(explicit: Option<&Path>, start: &Path, settings: Settings) -> Result<Config, Error> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => discover(start),
    };
    let config = match path {
        Some(p) => load(&p)?,
        None => Config::default(),
    };
    config.enforce(settings)
}

impl Config {
    /// Applies `settings` to the issues found while loading.
    pub fn enforce(self, settings: Settings) -> Result<Self, Error> {
        if settings.strict && !self.issues.is_empty() {
            return Err(Error::Diagnostics {
                diagnostics: self.issues,
                code: crate::error::EXIT_USAGE,
            });
        }
        if settings.validation {
            let warnings: Vec<_> = self.issues.iter().cloned().map(|d| d.warning()).collect();
            print_all(&warnings);
        }
        Ok(self)
    }
}
