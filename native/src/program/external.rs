//! Running a program under an external interpreter (PyPy, another CPython): the bootstrap
//! goes in through `-c` and the environment, the φ tree as a pre-transpiled bundle; the
//! host waits and passes the exit status (or the SIGINT death) on.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use super::bundle::Bundle;
use super::plan::Plan;
use crate::debug::Debug;
use crate::error::Error;
use crate::python::{BOOT_NAME, BOOT_SOURCE};

/// Loads the bootstrap into its own module (nothing leaks into `__main__`) and starts it.
fn stub() -> String {
    format!(
        "(lambda s, o: (s.modules.__setitem__('_phicode_boot', type(s)('_phicode_boot')), \
         exec(compile(o.environ.pop('PHICODE_BOOT_SOURCE'), '{BOOT_NAME}', 'exec'), \
         s.modules['_phicode_boot'].__dict__), s.modules['_phicode_boot'].external_main()))\
         (__import__('sys'), __import__('os'))"
    )
}

/// Runs `plan` under `interpreter` with the transpiled `bundle`.
pub fn run_external(
    interpreter: &Path,
    plan: &Plan,
    bundle: &Bundle,
    debug: Debug,
) -> Result<ExitCode, Error> {
    let mut file = tempfile::Builder::new()
        .prefix("phicode-bundle-")
        .tempfile()
        .map_err(|source| Error::Write { path: std::env::temp_dir(), source })?;
    bundle
        .write_to(file.as_file_mut())
        .map_err(|source| Error::Write { path: file.path().to_path_buf(), source })?;
    let host = std::env::current_exe().unwrap_or_else(|_| "phicode".into());
    // Ctrl-C reaches the whole process group: the program handles it, the host only waits.
    let _ =
        signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::new(AtomicBool::new(false)));
    let started = Instant::now();
    let status = Command::new(interpreter)
        .arg("-c")
        .arg(stub())
        .args(&plan.argv)
        .env("PHICODE_BOOT_SOURCE", BOOT_SOURCE)
        .env("PHICODE_RUN_BUNDLE", file.path())
        .env("PHICODE_RUN_HOST", host)
        .env("PHICODE_RUN_KIND", plan.kind.as_str())
        .env("PHICODE_RUN_TARGET", &plan.target)
        .env("PHICODE_RUN_PATH0", &plan.path0)
        .status()
        .map_err(|source| Error::Read { path: interpreter.to_path_buf(), source })?;
    debug.phase("external interpreter run", started.elapsed());
    drop(file);
    Ok(exit(status))
}

#[cfg(unix)]
fn exit(status: std::process::ExitStatus) -> ExitCode {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => ExitCode::from((code & 0xff) as u8),
        (None, Some(signal)) => {
            if signal == signal_hook::consts::SIGINT {
                let _ = signal_hook::low_level::emulate_default_handler(signal);
            }
            ExitCode::from((128 + signal).clamp(0, 255) as u8)
        }
        (None, None) => ExitCode::FAILURE,
    }
}

#[cfg(not(unix))]
fn exit(status: std::process::ExitStatus) -> ExitCode {
    ExitCode::from(status.code().map_or(1, |c| (c & 0xff) as u8))
}
