//! The guest's driver: pure Python (the files in `python/`, joined in order into one
//! source) that the guest interpreter runs as `python -I -c BOOT DRIVER`, so no file of it
//! needs to exist inside the sandbox. Its frames carry the file name `<phicode-sandbox>`,
//! which tracebacks leave out.

/// The driver's sources, in the order they are joined: each uses only names defined by
/// the ones before it (they share one global namespace).
const PARTS: [&str; 6] = [
    include_str!("../python/wire.py"),
    include_str!("../python/namespace.py"),
    include_str!("../python/checkpoints.py"),
    include_str!("../python/cells.py"),
    include_str!("../python/editing.py"),
    include_str!("../python/main.py"),
];

/// Compiles the driver (argv[1]) under its own file name, in a namespace that is not
/// `__main__` (the driver gives the user a fresh `__main__`).
const BOOT: &str = "import sys; exec(compile(sys.argv[1], '<phicode-sandbox>', 'exec'), \
                    {'__name__': '_phicode_sandbox', '__builtins__': __builtins__})";

/// The guest's command line: `-I` so no environment variable or user folder matters.
pub fn args() -> Vec<String> {
    let driver = PARTS.join("\n");
    ["python", "-I", "-c", BOOT, &driver].map(str::to_owned).to_vec()
}
