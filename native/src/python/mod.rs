//! The Python embedded in the binary, from the one manifest (`manifest.rs` beside this
//! file, which `build.rs` turns into the `include_str!`s included here): the bootstrap of
//! `phicode run` (`boot/`) and the session engine of `phicode worker` (`engine/`).

#[allow(missing_docs)] // Documented here: the generated items carry no docs of their own.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The bootstrap's source: its parts joined in the manifest's order.
pub const BOOT_SOURCE: &str = generated::BOOT_SOURCE;

/// The file name the bootstrap's code carries: importlib's own frozen module's, so
/// CPython strips its frames from tracebacks as it strips importlib's.
pub const BOOT_NAME: &str = "<frozen importlib._bootstrap_external>";

/// The engine package's name.
pub const ENGINE_PACKAGE: &str = "_phicode_engine";

/// The file name the engine's code carries (tracebacks shown to users drop its frames).
pub const ENGINE_FILE: &str = "<phicode engine>";

/// The engine package's modules: (name within the package, source); `__init__` is the
/// package itself.
pub const ENGINE: &[(&str, &str)] = generated::ENGINE;
