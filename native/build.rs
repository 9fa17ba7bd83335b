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
    precompile_boot(config.executable());
}

/// Compiles the bootstrap once at build time with the interpreter the binary embeds (the
/// bytecode magic goes first, so the binary can tell whether it still matches at run time).
/// Saves compiling it on every start; an empty file means "compile it at run time".
fn precompile_boot(python: Option<&str>) {
    println!("cargo:rerun-if-changed=src/python/boot.py");
    let out =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("boot.bin");
    let script = "import marshal, sys, importlib.util; \
        src = open(sys.argv[1], encoding='utf-8').read(); \
        code = compile(src, '<frozen importlib._bootstrap_external>', 'exec'); \
        sys.stdout.buffer.write(importlib.util.MAGIC_NUMBER + marshal.dumps(code))";
    let compiled = python.and_then(|python| {
        std::process::Command::new(python)
            .args(["-c", script, "src/python/boot.py"])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| o.stdout)
    });
    let _ = std::fs::write(out, compiled.unwrap_or_default());
}
