// The one list of the Python embedded in the `phicode` binary, read by `build.rs` (which
// generates the `include_str!`s that `src/python/mod.rs` includes). Paths are relative
// to this folder. It is not a module of the crate: only the build script reads it.

/// The bootstrap of `phicode run`, one module (`_phicode_boot`) joined from these parts in
/// this order: `boot.py` defines what the others use.
const BOOT_PARTS: [&str; 9] = [
    "boot/boot.py",
    "boot/patches.py",
    "boot/inspect_patch.py",
    "boot/spawn_patch.py",
    "boot/traceback_patch.py",
    "boot/zip_import.py",
    "boot/runner.py",
    "boot/external.py",
    "boot/columns.py",
];

/// The session engine of `phicode worker`, the package `_phicode_engine`: its modules
/// (files of `engine/`), imported on demand, so their order here does not matter. The
/// build fails when a file of `engine/` is missing from this list.
const ENGINE_MODULES: [&str; 14] = [
    "__init__",
    "capabilities",
    "cells",
    "checkpoints",
    "context",
    "display",
    "editing",
    "engine",
    "execution",
    "interact",
    "namespace",
    "observe",
    "requests",
    "runner",
];
