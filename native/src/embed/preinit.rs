//! The interpreter's pre-initialisation, done as `python3` does it before anything else:
//! under a C or POSIX locale the C locale is coerced to C.UTF-8 (PEP 538) and UTF-8 mode is
//! on (PEP 540), and `PYTHONUTF8` and `PYTHONCOERCECLOCALE` are honoured. Without it an
//! embedded CPython starts in compatibility mode, with an ASCII filesystem encoding under
//! `LC_ALL=C` or `env -i`, and cannot even look at a `.φ` file name.

use pyo3::ffi;

/// Pre-initialises the interpreter like `python3`. Call it once, before the interpreter
/// starts; it does nothing when one already runs.
pub fn like_python3() {
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
}
