//! Links the `phicode` binary against the libpython pyo3 found, with an rpath to it, so the
//! binary loads the very libpython it was built against (not another one on the system).

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
    let config = pyo3_build_config::get();
    let version = config.version();
    println!("cargo:rustc-env=PHICODE_PYTHON_VERSION={}.{}", version.major, version.minor);
    // sys.executable of the embedded interpreter: programs that start `sys.executable` must
    // get this Python, not the phicode binary.
    let executable = config.executable().unwrap_or_default();
    println!("cargo:rustc-env=PHICODE_PYTHON_EXECUTABLE={executable}");
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
}
