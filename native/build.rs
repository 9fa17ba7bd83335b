//! Links the `phicode` binary against the libpython pyo3 found, with an rpath to it, so the
//! binary loads the very libpython it was built against (not another one on the system);
//! embeds the Python listed in `src/python/manifest.rs`, the bootstrap precompiled.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

include!("src/python/manifest.rs");

/// Where the embedded Python lives (the manifest's paths are relative to it).
const PYTHON_DIR: &str = "src/python";
/// The engine package's folder, under `PYTHON_DIR`.
const ENGINE_DIR: &str = "engine";

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
    let config = pyo3_build_config::get();
    let version = config.version();
    println!("cargo:rustc-env=PHICODE_PYTHON_VERSION={}.{}", version.major, version.minor);
    // sys.executable of the embedded interpreter: programs that start `sys.executable` must
    // get this Python, not the phicode binary.
    let executable = config.executable().unwrap_or_default();
    println!("cargo:rustc-env=PHICODE_PYTHON_EXECUTABLE={executable}");
    // What the binary checks at start: the libpython the loader found is this very build.
    let full = full_version(config.executable()).unwrap_or_default();
    println!("cargo:rustc-env=PHICODE_PYTHON_FULL_VERSION={full}");
    let lib_dir = config.lib_dir().unwrap_or_default();
    println!("cargo:rustc-env=PHICODE_PYTHON_LIB_DIR={lib_dir}");
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
    println!("cargo:rerun-if-changed={PYTHON_DIR}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    check_engine_listed();
    let _ = std::fs::write(out.join("embedded.rs"), embedded_rs());
    precompile_boot(config.executable(), &out);
}

fn source_path(relative: &str) -> PathBuf {
    let root = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_default();
    root.join(PYTHON_DIR).join(relative)
}

/// `BOOT_SOURCE` and `ENGINE` for `src/python/mod.rs`, as `include_str!`s of the files.
fn embedded_rs() -> String {
    let include = |path: &Path| format!("include_str!({:?})", path.display().to_string());
    let mut rs = String::from("pub const BOOT_SOURCE: &str = concat!(");
    for part in BOOT_PARTS {
        let _ = write!(rs, "{}, ", include(&source_path(part)));
    }
    rs.push_str(");\npub const ENGINE: &[(&str, &str)] = &[");
    for module in ENGINE_MODULES {
        let path = source_path(&format!("{ENGINE_DIR}/{module}.py"));
        let _ = write!(rs, "({module:?}, {}), ", include(&path));
    }
    rs.push_str("];\n");
    rs
}

/// Fails the build when a `.py` file of the engine package is not in the manifest (it
/// would be missing from the binary, and its import would fail only at run time).
fn check_engine_listed() {
    let Ok(entries) = std::fs::read_dir(source_path(ENGINE_DIR)) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "py") && !ENGINE_MODULES.contains(&stem) {
            panic!("{} is not listed in src/python/manifest.rs", path.display());
        }
    }
}

/// Compiles the bootstrap once at build time with the interpreter the binary embeds (the
/// bytecode magic goes first, so the binary can tell whether it still matches at run time).
/// Saves compiling it on every start; an empty file means "compile it at run time".
/// `3.11.7`: the build's Python, major, minor and micro.
fn full_version(python: Option<&str>) -> Option<String> {
    let script = "import sys; print('%d.%d.%d' % sys.version_info[:3])";
    let out = std::process::Command::new(python?).args(["-c", script]).output().ok()?;
    Some(String::from_utf8(out.stdout).ok()?.trim().to_owned())
}

fn precompile_boot(python: Option<&str>, out: &Path) {
    let mut source = String::new();
    for part in BOOT_PARTS {
        source.push_str(&std::fs::read_to_string(source_path(part)).unwrap_or_default());
    }
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
    let _ = std::fs::write(out.join("boot.bin"), compiled.unwrap_or_default());
}
