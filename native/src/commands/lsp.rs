//! `phicode lsp`: the language server of `phicode-lsp`, with this binary's config
//! discovery and its embedded CPython judging the syntax of each conversion.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use phicode_core::{Position, SourceMap, SymbolTable};
use phicode_lsp::{Dialect, Host, Options, SyntaxProblem};

use crate::cli::LspArgs;
use crate::config::{CONFIG_FOLDERS, Config, discover, load};
use crate::embed::syntax;
use crate::error::Error;

/// Runs the server until the editor says `exit`.
pub fn run(args: &LspArgs) -> Result<ExitCode, Error> {
    let python_server = match args.python_server.as_deref().map(str::trim) {
        Some("none") => None,
        Some(command) if !command.is_empty() => {
            Some(command.split_whitespace().map(String::from).collect())
        }
        _ => phicode_lsp::default_command(),
    };
    crate::embed::preinit::like_python3();
    pyo3::Python::initialize();
    // Compiling each conversion would print its SyntaxWarnings to stderr at every edit.
    let quiet = pyo3::Python::attach(|py| {
        use pyo3::prelude::PyAnyMethods;
        py.import("warnings")?.call_method1("simplefilter", ("ignore",)).map(drop)
    });
    if let Err(e) = quiet {
        eprintln!("phicode lsp: warnings stay on: {e}");
    }
    phicode_lsp::run_stdio(&NativeHost, &Options { python_server })
        .map_err(|e| Error::Usage(format!("phicode lsp: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// Answers the server's questions as `phicode check` would.
struct NativeHost;

impl Host for NativeHost {
    fn discover(&self, folder: &Path) -> Option<PathBuf> {
        discover(folder)
    }

    fn dialect(&self, path: Option<&Path>) -> Dialect {
        let Some(path) = path else { return Dialect::default() };
        let issues = |diagnostics: Vec<crate::diagnostic::Diagnostic>| {
            diagnostics
                .into_iter()
                .map(|d| (d.position.unwrap_or(Position { line: 1, column: 1 }), d.message))
                .collect()
        };
        match load(path) {
            Ok(Config { table, issues: found, .. }) => {
                Dialect { table, path: Some(path.to_path_buf()), issues: issues(found) }
            }
            Err(Error::Diagnostics { diagnostics, .. }) => Dialect {
                table: SymbolTable::new(),
                path: Some(path.to_path_buf()),
                issues: issues(diagnostics),
            },
            Err(e) => Dialect {
                table: SymbolTable::new(),
                path: Some(path.to_path_buf()),
                issues: vec![(Position { line: 1, column: 1 }, e.to_string())],
            },
        }
    }

    fn is_config(&self, path: &Path) -> bool {
        let folder = path.parent().and_then(Path::file_name).and_then(|f| f.to_str());
        path.file_name().is_some_and(|n| n == "config.json")
            && folder.is_some_and(|f| CONFIG_FOLDERS.contains(&f))
    }

    fn syntax_error(&self, python: &str, phi: &str, map: &SourceMap) -> Option<SyntaxProblem> {
        let found = pyo3::Python::attach(|py| syntax::first_error(py, python, phi, Some(map), "φ"));
        // An error that is no verdict on the code (MemoryError) reports nothing.
        let (position, message) = found.ok().flatten()?;
        Some(SyntaxProblem { position, end: None, message })
    }
}
