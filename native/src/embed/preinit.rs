//! The interpreter's pre-initialisation, done as `python3` does it before anything else:
//! under a C or POSIX locale the C locale is coerced to C.UTF-8 (PEP 538) and UTF-8 mode is
//! on (PEP 540), and `PYTHONUTF8` and `PYTHONCOERCECLOCALE` are honoured. Without it an
//! embedded CPython starts in compatibility mode, with an ASCII filesystem encoding under
//! `LC_ALL=C` or `env -i`, and cannot even look at a `.φ` file name.
//!
//! The program name is the Python the binary was built against, so the interpreter finds
//! that Python's standard library whatever `PATH` says: CPython otherwise looks `python3` up
//! on `PATH`, and with `PATH=/usr/bin:/bin` (cron, a confined worker) loaded the system's
//! standard library into the build's libpython, where `import asyncio` failed.

use pyo3::ffi;

/// Pre-initialises the interpreter like `python3`. Call it once, before the interpreter
/// starts; it does nothing when one already runs.
pub fn like_python3() {
    check_libpython();
    // SAFETY: the config is a local value that `PyPreConfig_InitPythonConfig` fills in
    // completely before `Py_PreInitialize` reads it (and copies it). Both may be called before
    // the interpreter exists; once it runs, `Py_PreInitialize` is not called at all.
    #[allow(unsafe_code)]
    unsafe {
        if ffi::Py_IsInitialized() != 0 {
            return;
        }
        let mut config = std::mem::MaybeUninit::<ffi::PyPreConfig>::uninit();
        ffi::PyPreConfig_InitPythonConfig(config.as_mut_ptr());
        // A failure (an unknown PYTHONUTF8 value, say) leaves the defaults: the interpreter
        // still starts, as python3 would report and go on in compatibility mode.
        let _ = ffi::Py_PreInitialize(config.as_ptr());
    }
    set_program_name();
}

/// Warns when the dynamic loader found another libpython than the build's (its folder
/// unreadable to this user, say, so the system's was loaded): the program then runs on
/// that Python, which may differ, and the user should know.
pub fn check_libpython() {
    let built = env!("PHICODE_PYTHON_FULL_VERSION");
    // SAFETY: `Py_GetVersion` returns a static NUL-terminated string and may be called
    // before the interpreter starts.
    #[allow(unsafe_code)]
    let running = unsafe { std::ffi::CStr::from_ptr(ffi::Py_GetVersion()) };
    let running = running.to_string_lossy();
    let running = running.split_whitespace().next().unwrap_or_default();
    if !built.is_empty() && running != built {
        let folder = env!("PHICODE_PYTHON_LIB_DIR");
        let warning = format!(
            "phicode: warning: running on libpython {running}, not the {built} phicode was built \
             against (in {folder}: can this user read it?)\n"
        );
        // One write, so it is not interleaved with another process's output.
        let _ = std::io::Write::write_all(&mut std::io::stderr(), warning.as_bytes());
    }
}

/// Names the build's Python as the program, when it is still there.
fn set_program_name() {
    let Some(executable) = option_env!("PHICODE_PYTHON_EXECUTABLE").filter(|e| !e.is_empty())
    else {
        return;
    };
    let Ok(name) = std::ffi::CString::new(executable) else { return };
    if !std::path::Path::new(executable).is_file() {
        return;
    }
    // SAFETY: after pre-initialisation and before initialisation, as the C API asks;
    // `Py_DecodeLocale` returns a new buffer (or null, then nothing is set) that is never
    // freed, because CPython keeps the pointer for the interpreter's whole life.
    #[allow(unsafe_code, deprecated)]
    unsafe {
        let wide = ffi::Py_DecodeLocale(name.as_ptr(), std::ptr::null_mut());
        if !wide.is_null() {
            ffi::Py_SetProgramName(wide);
        }
    }
}
