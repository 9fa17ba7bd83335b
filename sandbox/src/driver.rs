//! The guest's driver: pure Python that the guest interpreter runs as
//! `python -I -c BOOT DRIVER NAME SOURCE ...`, so no file of it needs to exist inside the
//! sandbox. The native engine's pure modules (its namespace and checkpoint format, so a
//! checkpoint moves between sandboxed and native sessions, and its editing help) are loaded first as the package
//! `_phicode_engine`; then the files in `python/`, joined in order into one source. All
//! frames carry the file name `<phicode-sandbox>`, which tracebacks leave out.

/// The native engine's modules the driver shares, in import order (each may import the
/// ones before it, relatively).
const ENGINE: [(&str, &str); 3] = [
    ("namespace", include_str!("../../native/src/python/engine/namespace.py")),
    ("checkpoints", include_str!("../../native/src/python/engine/checkpoints.py")),
    ("editing", include_str!("../../native/src/python/engine/editing.py")),
];

/// The driver's own sources, in the order they are joined: each uses only names defined by
/// the ones before it (they share one global namespace).
const PARTS: [&str; 3] = [
    include_str!("../python/wire.py"),
    include_str!("../python/cells.py"),
    include_str!("../python/main.py"),
];

/// Makes `_phicode_engine` and its modules from the name and source pairs after argv[1],
/// then compiles the driver (argv[1]) in a namespace that is not `__main__` (the driver
/// gives the user a fresh `__main__`).
const BOOT: &str = "\
import sys, types
package = types.ModuleType('_phicode_engine'); package.__path__ = []
sys.modules['_phicode_engine'] = package
for name, source in zip(sys.argv[2::2], sys.argv[3::2]):
    module = types.ModuleType('_phicode_engine.' + name)
    module.__package__ = '_phicode_engine'
    sys.modules[module.__name__] = module
    setattr(package, name, module)
    exec(compile(source, '<phicode-sandbox>', 'exec'), module.__dict__)
exec(compile(sys.argv[1], '<phicode-sandbox>', 'exec'),
     {'__name__': '_phicode_sandbox', '__builtins__': __builtins__})";

/// The guest's command line: `-I` so no environment variable or user folder matters.
pub fn args() -> Vec<String> {
    let mut args = ["python", "-I", "-c", BOOT].map(str::to_owned).to_vec();
    args.push(PARTS.join("\n"));
    for (name, source) in ENGINE {
        args.extend([name.to_owned(), source.to_owned()]);
    }
    args
}
