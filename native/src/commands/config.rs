//! `phicode config init|show|reset`: create, inspect and reset the dialect config.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use phicode_core::symbols::Origin;

use crate::cli::{ConfigAction, ConfigArgs};
use crate::config::{CONFIG_FOLDERS, Settings, discover, load};
use crate::diagnostic::print_all;
use crate::error::Error;

/// A fresh config: the reference's layout, with an empty dialect.
pub const TEMPLATE: &str = "{\n  \"file_extension\": \".φ\",\n  \"symbols\": {}\n}\n";

/// Runs one action in the current folder.
pub fn run(args: &ConfigArgs) -> Result<ExitCode, Error> {
    let here = std::path::absolute(".").unwrap_or_else(|_| ".".into());
    match args.action {
        ConfigAction::Init => init(&here),
        ConfigAction::Show => show(&here),
        ConfigAction::Reset => reset(&here),
    }
}

fn default_path(here: &Path) -> PathBuf {
    here.join(CONFIG_FOLDERS[0]).join("config.json")
}

fn write(path: &Path) -> Result<(), Error> {
    let failed = |source| Error::Write { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    crate::atomic::write(path, TEMPLATE.as_bytes()).map_err(failed)
}

fn init(here: &Path) -> Result<ExitCode, Error> {
    let path = default_path(here);
    if let Some(existing) =
        CONFIG_FOLDERS.iter().map(|f| here.join(f).join("config.json")).find(|p| p.exists())
    {
        let shown = crate::config::display_name(&existing);
        return Err(Error::Usage(format!(
            "{shown} already exists; `phicode config reset` rewrites it"
        )));
    }
    write(&path)?;
    println!("created {}", crate::config::display_name(&path));
    Ok(ExitCode::SUCCESS)
}

fn show(here: &Path) -> Result<ExitCode, Error> {
    let Some(path) = discover(here) else {
        println!("config: none (the 48 default symbols); `phicode config init` creates one");
        return Ok(ExitCode::SUCCESS);
    };
    let config = load(&path)?;
    println!("config: {}", crate::config::display_name(&path));
    let dialect: Vec<_> =
        config.table.entries().iter().filter(|e| e.origin == Origin::Dialect).collect();
    println!("dialect entries: {}", dialect.len());
    for entry in dialect {
        println!("  {} -> {}", entry.symbol, entry.python);
    }
    let settings = Settings::from_env();
    if config.issues.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    if settings.strict {
        print_all(&config.issues);
        return Ok(ExitCode::from(crate::error::EXIT_USAGE));
    }
    print_all(&config.issues.iter().cloned().map(|d| d.warning()).collect::<Vec<_>>());
    Ok(ExitCode::SUCCESS)
}

fn reset(here: &Path) -> Result<ExitCode, Error> {
    let path = discover(here).unwrap_or_else(|| default_path(here));
    write(&path)?;
    println!("reset {}", crate::config::display_name(&path));
    Ok(ExitCode::SUCCESS)
}
