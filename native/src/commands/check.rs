//! `phicode check`: every dialect problem of the configs involved, every lexical error of
//! each φ file and, where there is none, the SyntaxError Python would raise compiling it,
//! as `file:line:col: error: ...`; exit 1 if there is any.

use std::path::PathBuf;
use std::process::ExitCode;

use phicode_core::{Options, check, to_python_with};

use crate::cli::CheckArgs;
use crate::config::{Config, discover, load};
use crate::diagnostic::{Diagnostic, print_all};
use crate::embed::syntax;
use crate::error::{EXIT_FAILURE, EXIT_USAGE, Error};
use crate::input;

/// Checks each file; reports problems as it goes, so one bad file does not hide the others.
pub fn run(args: &CheckArgs) -> Result<ExitCode, Error> {
    let mut worst = 0u8;
    let mut configs: Vec<(PathBuf, Option<Config>)> = Vec::new();
    for file in &args.files {
        let source = match input::read(Some(file)) {
            Ok(source) => source,
            Err(e) => {
                eprintln!("{e}");
                worst = worst.max(EXIT_FAILURE);
                continue;
            }
        };
        let path = args.config.clone().or_else(|| discover(&source.folder()));
        let config = match path {
            None => Some(Config::default()),
            Some(path) => {
                let seen = configs.iter().find(|(p, _)| *p == path);
                match seen {
                    Some((_, config)) => config.clone(),
                    None => {
                        let config = first_look(&path, &mut worst);
                        configs.push((path, config.clone()));
                        config
                    }
                }
            }
        };
        let Some(config) = config else { continue };
        let mut problems: Vec<Diagnostic> = check(&source.text, &config.table)
            .iter()
            .map(|d| Diagnostic::error(&source.name, d.position, d.error.to_string()))
            .collect();
        if problems.is_empty() {
            // Then what Python itself would refuse, at the φ line and column.
            match python_syntax(&source.text, &config.table, &source.name) {
                Ok(Some((position, message))) => {
                    problems.push(Diagnostic::error(&source.name, position, message));
                }
                Ok(None) => {}
                Err(e) => eprintln!("phicode: {}: cannot check its Python: {e}", source.name),
            }
        }
        if !problems.is_empty() {
            worst = worst.max(EXIT_FAILURE);
        }
        print_all(&problems);
    }
    Ok(ExitCode::from(worst))
}

/// The first SyntaxError of the Python `text` becomes, compiled (not run) by the embedded
/// interpreter, at its φ position.
fn python_syntax(
    text: &str,
    table: &phicode_core::SymbolTable,
    name: &str,
) -> pyo3::PyResult<Option<(phicode_core::Position, String)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let conversion = to_python_with(text, table, Options { source_map: true });
    crate::embed::preinit::like_python3();
    pyo3::Python::initialize();
    pyo3::Python::attach(|py| {
        syntax::first_error(py, &conversion.code, text, conversion.source_map.as_ref(), name)
    })
}

/// Loads a config the first time a file needs it and reports its problems once: a check
/// treats every dropped entry as an error. `None` when the config cannot be used at all.
fn first_look(path: &std::path::Path, worst: &mut u8) -> Option<Config> {
    match load(path) {
        Ok(config) => {
            if !config.issues.is_empty() {
                *worst = (*worst).max(EXIT_FAILURE);
            }
            print_all(&config.issues);
            Some(config)
        }
        Err(e) => {
            eprintln!("{e}");
            *worst = (*worst).max(EXIT_USAGE.max(e.exit_code()));
            None
        }
    }
}
