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

/// The bootstrap's parts, joined in this order (as `BOOT_SOURCE` in src/embed/mod.rs).
const BOOT_PARTS: [&str; 5] = [
    "src/python/boot.py",
    "src/python/inspect_patch.py",
    "src/python/runner.py",
    "src/python/external.py",
    "src/python/columns.py",
];

/// Compiles the bootstrap once at build time with the interpreter the binary embeds (the
/// bytecode magic goes first, so the binary can tell whether it still matches at run time).
/// Saves compiling it on every start; an empty file means "compile it at run time".
fn precompile_boot(python: Option<&str>) {
    let mut source = String::new();
    for part in BOOT_PARTS {
        println!("cargo:rerun-if-changed={part}");
        source.push_str(&std::fs::read_to_string(part).unwrap_or_default());
    }
    let out =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("boot.bin");
    let script = "import marshal, sys, importlib.util; \
        src = sys.stdin.read(); \
        code = compile(src, '<frozen importlib._bootstrap_external>', 'exec'); \
        sys.stdout.buffer.write(importlib.util.MAGIC_NUMBER + marshal.dumps(code))";
    let compiled = python.and_then(|python| {
        let mut child = std::process::Command::new(python)
            .args(["-X", "utf8", "-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        std::io::Write::write_all(&mut child.stdin.take()?, source.as_bytes()).ok()?;
        let out = child.wait_with_output().ok()?;
        out.status.success().then_some(out.stdout)
    });
    let _ = std::fs::write(out, compiled.unwrap_or_default());
}
