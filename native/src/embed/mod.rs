//! Running a program on the CPython embedded in this binary: start the interpreter, give it
//! the `_phicode` module and the bootstrap, run the program like `python3`, finalize.

mod bridge;
mod interpreter;
mod linetable;
mod loader;
pub(crate) mod positions;
pub(crate) mod preinit;
pub(crate) mod syntax;

use std::ffi::OsString;
use std::time::Instant;

use phicode_core::SymbolTable;
use pyo3::prelude::*;
use pyo3::types::PyModule;

use crate::debug::Debug;
use crate::python::{BOOT_NAME, BOOT_SOURCE};

/// What to run.
#[derive(Debug, Clone)]
pub struct Launch {
    /// `phi`, `py` (a file) or `module`.
    pub kind: &'static str,
    /// The file path or module name.
    pub target: String,
    /// `sys.argv`.
    pub argv: Vec<OsString>,
    /// `sys.path[0]`.
    pub path0: String,
    /// The symbol table φ modules are converted with.
    pub table: SymbolTable,
    /// The dialect config file in force, if any (multiprocessing's children get it).
    pub config_file: Option<String>,
    /// python3's own flags given before the program (`-O`, `-X dev`, `-W error`, ...).
    pub python_flags: Vec<String>,
    /// The confinement to put the process under before the program starts, if any.
    pub confine: Option<crate::confinement::Spec>,
}

/// How the program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An exit status.
    Exit(i64),
    /// An uncaught KeyboardInterrupt: the process should end by SIGINT, as CPython's does.
    Interrupted,
}

/// Runs `launch` on a fresh embedded interpreter, then finalizes it (atexit handlers,
/// non-daemon threads, flushing files), as `python3` does on the way out.
pub fn run_embedded(launch: Launch, debug: Debug) -> Outcome {
    let start = Instant::now();
    let program = std::env::args().next().unwrap_or_else(|| "phicode".into());
    let flags = launch.python_flags.clone();
    let executable = option_env!("PHICODE_PYTHON_EXECUTABLE").filter(|e| !e.is_empty());
    let executable = executable.filter(|e| std::path::Path::new(e).is_file());
    let (outcome, flushed) = interpreter::with_interpreter(&program, &flags, executable, |py| {
        debug.phase("interpreter start", start.elapsed());
        let outcome = run_in(py, launch, debug);
        outcome.unwrap_or_else(|e| {
            // A failure of phicode's own bootstrap, not of the program.
            e.print(py);
            Outcome::Exit(1)
        })
    });
    // As python3: a program that ended well but whose output could not be flushed is 120.
    let outcome = match outcome {
        Outcome::Exit(0) if !flushed => Outcome::Exit(120),
        other => other,
    };
    debug.phase("total (interpreter finalized)", start.elapsed());
    outcome
}

fn run_in(py: Python<'_>, launch: Launch, debug: Debug) -> PyResult<Outcome> {
    if let Some(spec) = &launch.confine
        && let Err(why) = crate::confinement::apply(py, spec)
    {
        eprintln!("phicode: cannot confine the program to level {}: {why}", spec.level);
        return Ok(Outcome::Exit(2));
    }
    if launch.confine.is_some() {
        // `run --level`'s note to its confined child, not the program's business.
        let environ = py.import("os")?.getattr("environ")?;
        environ.call_method1("pop", (crate::confinement::SPEC_VAR, py.None()))?;
    }
    let started = Instant::now();
    let (boot, writer) = prepare(py, launch.table, debug)?;
    debug.phase("bootstrap", started.elapsed());
    let exec = Instant::now();
    let executable = option_env!("PHICODE_PYTHON_EXECUTABLE").filter(|e| !e.is_empty());
    let orig_argv: Vec<_> = std::env::args_os().collect();
    let host = std::env::current_exe().ok();
    let args =
        (launch.kind, launch.target, launch.argv, launch.path0, true, executable, orig_argv, host);
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("config", launch.config_file)?;
    let result = boot.getattr("run")?.call(args, Some(&kwargs));
    debug.phase("exec", exec.elapsed());
    // Entries still being written must land before the process can end.
    py.detach(|| writer.finish());
    let (status, interrupted) = result?.extract::<(Bound<'_, PyAny>, bool)>()?;
    // Like CPython: an exit status that does not fit a C long becomes -1 (255 for the OS).
    let status = status.extract::<i64>().unwrap_or(-1);
    Ok(if interrupted { Outcome::Interrupted } else { Outcome::Exit(status) })
}

/// Loads the bootstrap and installs the `.φ` import hook converting with `table`; the
/// writer's cache entries must be finished before the process ends.
fn prepare(
    py: Python<'_>,
    table: SymbolTable,
    debug: Debug,
) -> PyResult<(Bound<'_, PyModule>, std::sync::Arc<crate::cache::Writer>)> {
    let boot = load_boot(py)?;
    let python_source = bridge::python_source_function(py, table.clone())?;
    boot.setattr("_python_source_for", python_source)?;
    boot.setattr("_phi_segment", bridge::segment_function(py, table.clone())?)?;
    boot.setattr("_phi_to_python", bridge::text_function(py, table.clone())?)?;
    let (get_code, writer) = bridge::get_code_function(py, &boot, table, debug)?;
    boot.setattr("_get_code_for", get_code)?;
    boot.getattr("install_hook")?.call0()?;
    Ok((boot, writer))
}

/// The `.φ` import hook for an interpreter started elsewhere (`phicode worker`).
pub(crate) fn install_importer(
    py: Python<'_>,
    table: SymbolTable,
) -> PyResult<std::sync::Arc<crate::cache::Writer>> {
    prepare(py, table, Debug::new(false)).map(|(_, writer)| writer)
}

/// The bootstrap compiled at build time, when its bytecode magic is this interpreter's.
fn precompiled(py: Python<'_>) -> Option<Bound<'_, PyAny>> {
    let compiled: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/boot.bin"));
    let (magic, code) = compiled.split_at_checked(4)?;
    let ours: Vec<u8> = py
        .import("_frozen_importlib_external")
        .ok()?
        .getattr("MAGIC_NUMBER")
        .ok()?
        .extract()
        .ok()?;
    (magic == ours.as_slice()).then(|| pyo3::marshal::loads(py, code).ok()).flatten()
}

fn load_boot(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let module = PyModule::new(py, "_phicode_boot")?;
    let builtins = py.import("builtins")?;
    module.dict().set_item("__builtins__", &builtins)?;
    let code = match precompiled(py) {
        Some(code) => code,
        None => builtins.getattr("compile")?.call1((BOOT_SOURCE, BOOT_NAME, "exec"))?,
    };
    builtins.getattr("exec")?.call1((code, module.dict()))?;
    py.import("sys")?.getattr("modules")?.set_item("_phicode_boot", &module)?;
    Ok(module)
}
