//! Running a program under an external interpreter (PyPy, another CPython): the bootstrap
//! goes in through `-c` and the environment, the φ tree as a pre-transpiled bundle; the
//! host waits and passes the exit status (or the SIGINT death) on.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

use super::bundle::Bundle;
use super::plan::Plan;
use super::relay::Relay;
use crate::debug::Debug;
use crate::error::Error;
use crate::python::{BOOT_NAME, BOOT_SOURCE};
use crate::stale;

/// The bundle of transpiled sources, in the temporary folder.
const BUNDLE: &str = "phicode-bundle-";
/// The marker the bootstrap removes as it starts.
const STARTED: &str = "phicode-started-";

/// The oldest Python the bootstrap runs on.
const OLDEST: (u32, u32) = (3, 8);

/// Loads the bootstrap into its own module (nothing leaks into `__main__`) and starts it;
/// on a Python older than `OLDEST` it says so and exits 2 instead (Python 2.7 parses this
/// much: `exec` is looked up, since there it is a statement).
fn stub() -> String {
    let (major, minor) = OLDEST;
    format!(
        "(lambda s, o: (s.version_info[:2] < ({major}, {minor}) and (o.unlink(o.environ['PHICODE_RUN_STARTED']), \
         s.stderr.write('phicode: this interpreter is Python %d.%d; phicode needs Python {major}.{minor} or newer\\n' \
         % tuple(s.version_info[:2])), s.exit(2))) or \
         (s.modules.__setitem__('_phicode_boot', type(s)('_phicode_boot')), \
         getattr(__builtins__, 'exec')(compile(o.environ.pop('PHICODE_BOOT_SOURCE'), '{BOOT_NAME}', 'exec'), \
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
    stale::sweep(&std::env::temp_dir(), &[BUNDLE, STARTED]);
    let mut file = tempfile::Builder::new()
        .prefix(&stale::prefix(BUNDLE))
        .tempfile()
        .map_err(|source| Error::Write { path: std::env::temp_dir(), source })?;
    bundle
        .write_to(file.as_file_mut())
        .map_err(|source| Error::Write { path: file.path().to_path_buf(), source })?;
    // Removed by the bootstrap as it starts: still there afterwards, the "interpreter" never
    // ran it (`/bin/true`, a shell script), and its exit status would pass for the program's.
    let started_mark = tempfile::Builder::new()
        .prefix(&stale::prefix(STARTED))
        .tempfile()
        .map_err(|source| Error::Write { path: std::env::temp_dir(), source })?
        .into_temp_path();
    let host = std::env::current_exe().unwrap_or_else(|_| "phicode".into());
    let started = Instant::now();
    let mut child = Command::new(interpreter)
        .args(&plan.python_flags)
        .arg("-c")
        .arg(stub())
        .args(&plan.argv)
        .env("PHICODE_BOOT_SOURCE", BOOT_SOURCE)
        .env("PHICODE_RUN_BUNDLE", file.path())
        .env("PHICODE_RUN_HOST", host)
        .env("PHICODE_RUN_KIND", plan.kind.as_str())
        .env("PHICODE_RUN_TARGET", &plan.target)
        .env("PHICODE_RUN_PATH0", &plan.path0)
        .env("PHICODE_RUN_STARTED", &started_mark)
        .spawn()
        .map_err(|source| Error::Read { path: interpreter.to_path_buf(), source })?;
    // Ctrl-C reaches the whole process group: the program handles it, the host only waits;
    // a signal sent to the host alone is passed on.
    let relay = Relay::start(child.id());
    let status =
        child.wait().map_err(|source| Error::Read { path: interpreter.to_path_buf(), source })?;
    drop(relay);
    debug.phase("external interpreter run", started.elapsed());
    drop(file);
    if started_mark.exists() {
        return Err(Error::Usage(format!(
            "{} did not run phicode's bootstrap (it exited with {status}): is it Python {}.{} or newer?",
            interpreter.display(),
            OLDEST.0,
            OLDEST.1
        )));
    }
    drop(started_mark); // Before `exit`, which may end the process by the child's signal.
    Ok(exit(status))
}

/// The exit status for the child's, ending by its signal as its parent would see it.
#[cfg(unix)]
pub fn exit(status: std::process::ExitStatus) -> ExitCode {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => ExitCode::from((code & 0xff) as u8),
        (None, Some(signal)) => {
            // End as the program did, as python3's parent would see it.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            ExitCode::from((128 + signal).clamp(0, 255) as u8)
        }
        (None, None) => ExitCode::FAILURE,
    }
}

#[cfg(not(unix))]
pub fn exit(status: std::process::ExitStatus) -> ExitCode {
    ExitCode::from(status.code().map_or(1, |c| (c & 0xff) as u8))
}
