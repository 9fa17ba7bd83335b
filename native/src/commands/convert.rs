//! `phicode convert`: φ → Python or Python → φ, to stdout or atomically to a file.

use std::ffi::OsStr;
use std::process::ExitCode;

use phicode_core::{Options, to_phicode, to_python_with};

use super::emit::emit;
use crate::cli::{ConvertArgs, Target};
use crate::config::{Settings, resolve};
use crate::diagnostic::{Diagnostic, print_all};
use crate::error::{EXIT_FAILURE, Error};
use crate::input::{self, Source};

/// Converts the input and writes the result.
pub fn run(args: &ConvertArgs) -> Result<ExitCode, Error> {
    let source = input::read(args.input.as_deref())?;
    let target = match args.to {
        Some(target) => target,
        None => direction(&source)?,
    };
    let config = resolve(args.config.as_deref(), &source.folder(), Settings::from_env())?;
    let output = match target {
        Target::Python => {
            let conversion = to_python_with(&source.text, &config.table, Options::default());
            // The output is complete: Python will report these too, on the same lines.
            let warnings: Vec<Diagnostic> = conversion
                .diagnostics
                .iter()
                .map(|d| Diagnostic::error(&source.name, d.position, d.error.to_string()).warning())
                .collect();
            print_all(&warnings);
            conversion.code
        }
        Target::Phicode => to_phicode(&source.text, &config.table).map_err(|e| {
            let diagnostics = e
                .problems
                .iter()
                .map(|p| Diagnostic::error(&source.name, p.position, p.error.to_string()))
                .collect();
            Error::Diagnostics { diagnostics, code: EXIT_FAILURE }
        })?,
    };
    emit(args.output.as_deref(), &output)?;
    Ok(ExitCode::SUCCESS)
}

/// The direction a file's extension implies; standard input is φ.
fn direction(source: &Source) -> Result<Target, Error> {
    let Some(path) = &source.path else {
        return Ok(Target::Python);
    };
    match path.extension().and_then(OsStr::to_str) {
        Some("φ" | "phi") => Ok(Target::Python),
        Some("py") => Ok(Target::Phicode),
        _ => Err(Error::Usage(format!(
            "cannot tell which way to convert {} from its extension (expected .φ, .phi or .py); \
             pass --to python or --to phicode",
            source.name
        ))),
    }
}
