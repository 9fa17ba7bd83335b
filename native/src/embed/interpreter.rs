//! Starting and ending the embedded interpreter for a program, as python3 does: its
//! command-line flags (`-O`, `-X dev`, `-W error`, `-B`, `-u`, `-I`, ...) are parsed by
//! CPython itself from the same argument list python3 would get, so each means exactly what
//! it means to python3, and an unknown one ends the process with python3's usage message
//! and status 2. The program itself is run by phicode's bootstrap, not by CPython's main.

use std::ffi::{CString, c_char};

use pyo3::ffi;
use pyo3::prelude::*;

/// Runs `f` on an interpreter started with python3's `flags`, then finalizes it (atexit
/// handlers, non-daemon threads, flushing files). The flag is false when finalizing could
/// not flush the standard streams (python3 then exits 120).
pub fn with_interpreter<R>(
    program: &str,
    flags: &[String],
    executable: Option<&str>,
    f: impl FnOnce(Python<'_>) -> R,
) -> (R, bool) {
    // CPython parses `PROGRAM FLAGS... -c ""`: the empty command is never run (only
    // `Py_RunMain` runs it), it only ends the option list as a program would.
    let argv: Vec<CString> = std::iter::once(program)
        .chain(flags.iter().map(String::as_str))
        .chain(["-c", ""])
        .filter_map(|a| CString::new(a).ok())
        .collect();
    let executable = executable.and_then(|e| CString::new(e).ok());
    super::preinit::check_libpython();
    start(&argv, executable.as_ref());
    let result = Python::attach(|py| {
        // Makes this thread the interpreter's main thread, which finalizing expects.
        let _ = py.import("threading");
        f(py)
    });
    (result, finish())
}

/// Pre-initialises (the locale, UTF-8 mode) and initialises from `argv`; a bad flag or a
/// failed start ends the process as python3 would.
fn start(argv: &[CString], program_name: Option<&CString>) {
    let mut pointers: Vec<*mut c_char> = argv.iter().map(|a| a.as_ptr().cast_mut()).collect();
    let mut constant: Vec<*const c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    let argc = ffi::Py_ssize_t::try_from(pointers.len()).unwrap_or(ffi::Py_ssize_t::MAX);
    // SAFETY: called once, on the main thread, before anything else touches Python. The
    // configs are initialised by their `Init` functions before any field is read or set;
    // `argv` and `program_name` outlive the calls, which copy them; every status is checked,
    // and `Py_ExitStatusException` ends the process on failure (printing python3's usage
    // message for a bad flag), so no half-started interpreter is used.
    #[allow(unsafe_code)]
    unsafe {
        let mut pre = std::mem::MaybeUninit::<ffi::PyPreConfig>::uninit();
        ffi::PyPreConfig_InitPythonConfig(pre.as_mut_ptr());
        let mut pre = pre.assume_init();
        pre.parse_argv = 1;
        exit_on_failure(ffi::Py_PreInitializeFromBytesArgs(&pre, argc, pointers.as_mut_ptr()));
        let mut config = std::mem::MaybeUninit::<ffi::PyConfig>::uninit();
        ffi::PyConfig_InitPythonConfig(config.as_mut_ptr());
        let mut config = config.assume_init();
        // As pyo3's start: no handlers (the bootstrap installs SIGINT's); SIGPIPE stays default.
        config.install_signal_handlers = 0;
        config.parse_argv = 1;
        let mut status = ffi::PyConfig_SetBytesArgv(&mut config, argc, constant.as_mut_ptr());
        if let Some(name) = program_name
            && ffi::PyStatus_Exception(status) == 0
        {
            // The build's Python: its standard library is found whatever PATH says.
            status =
                ffi::PyConfig_SetBytesString(&mut config, &mut config.program_name, name.as_ptr());
        }
        if ffi::PyStatus_Exception(status) == 0 {
            status = ffi::Py_InitializeFromConfig(&config);
        }
        ffi::PyConfig_Clear(&mut config);
        exit_on_failure(status);
    }
}

/// Ends the process as CPython's main does when `status` is a failure or an exit.
#[allow(unsafe_code)]
unsafe fn exit_on_failure(status: ffi::PyStatus) {
    // SAFETY: `status` came from the CPython call just made.
    unsafe {
        if ffi::PyStatus_Exception(status) != 0 {
            ffi::Py_ExitStatusException(status);
        }
    }
}

/// Finalizes the interpreter; false when the standard streams could not be flushed.
fn finish() -> bool {
    // SAFETY: the interpreter was started by `start` on this thread, which holds the GIL
    // again once `Python::attach` returned, and no Python object outlives it (the closure
    // returns only Rust values).
    #[allow(unsafe_code)]
    unsafe {
        ffi::Py_FinalizeEx() >= 0
    }
}
