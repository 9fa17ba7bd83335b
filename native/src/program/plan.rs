//! What `phicode run` will run: a file, a module, code (`-c`), the program on stdin (`-`),
//! a folder with a `__main__` module, or `./main.φ`, with the `sys.argv` and `sys.path[0]`
//! that `python3` would give it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::cli::RunArgs;
use crate::error::Error;

/// What kind of program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A φ file (any extension other than `.py`).
    Phi,
    /// A Python file.
    Py,
    /// A module name, run like `python3 -m`.
    Module,
    /// Code given with `-c`, run like `python3 -c`.
    Command,
    /// The program read from stdin (`-`).
    Stdin,
    /// A folder or a zip archive holding `__main__.φ` or `__main__.py`, run like
    /// `python3 FOLDER` (or `python3 APP.zip`, a zipapp).
    Folder,
}

impl Kind {
    /// The bootstrap's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phi => "phi",
            Self::Py => "py",
            Self::Module => "module",
            Self::Command => "command",
            Self::Stdin => "stdin",
            Self::Folder => "folder",
        }
    }
}

/// A program ready to hand to an interpreter.
#[derive(Debug, Clone)]
pub struct Plan {
    /// File or module.
    pub kind: Kind,
    /// The file's absolute path (python3's `__file__` since 3.9), or the module name.
    pub target: OsString,
    /// `sys.argv` (for a module, `argv[0]` is replaced by its file when found).
    pub argv: Vec<OsString>,
    /// `sys.path[0]`: the script's real folder, the current folder for a module, empty
    /// (the current folder, named relatively) for code and stdin.
    pub path0: PathBuf,
    /// python3's own flags, for the interpreter (`-O`, `-X dev`, ...).
    pub python_flags: Vec<String>,
}

impl Plan {
    /// Works out the program from the arguments.
    pub fn from_args(args: &RunArgs) -> Result<Self, Error> {
        let cwd =
            std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
        let python_flags = args.python_flags.clone();
        let plan = |kind, target: OsString, first: &str, path0| {
            let mut argv = vec![OsString::from(first)];
            argv.extend(args.program.iter().cloned());
            Self { kind, target, argv, path0, python_flags: python_flags.clone() }
        };
        if let Some(module) = &args.module {
            return Ok(plan(Kind::Module, module.into(), "-m", cwd));
        }
        if let Some(code) = &args.command {
            return Ok(plan(Kind::Command, code.into(), "-c", PathBuf::new()));
        }
        let (file, rest) = match args.program.split_first() {
            Some((file, rest)) => (PathBuf::from(file), rest),
            None => {
                let main = PathBuf::from("main.φ");
                if !main.is_file() {
                    let msg = format!("no program given and no main.φ in {}", cwd.display());
                    return Err(Error::Usage(msg));
                }
                (main, &[][..])
            }
        };
        // As python3 says it (and exits 2): `can't open file '/abs/f.φ': [Errno 13] ...`.
        let cannot_open = |e: std::io::Error| {
            let shown = std::path::absolute(&file).unwrap_or_else(|_| file.clone());
            Error::Usage(format!("can't open file '{}': {}", shown.display(), errno_text(&e)))
        };
        if file.as_os_str() == "-" {
            let mut argv = vec![OsString::from("-")];
            argv.extend(rest.iter().cloned());
            return Ok(Self {
                kind: Kind::Stdin,
                target: "-".into(),
                argv,
                path0: PathBuf::new(),
                python_flags,
            });
        }
        let real = std::fs::canonicalize(&file).map_err(cannot_open)?;
        if real.is_dir() || is_zip(&real) {
            let mut argv = vec![file.clone().into_os_string()];
            argv.extend(rest.iter().cloned());
            return Ok(Self {
                kind: Kind::Folder,
                target: "__main__".into(),
                argv,
                path0: real,
                python_flags,
            });
        }
        std::fs::File::open(&real).map_err(cannot_open)?;
        let kind = if file.extension().is_some_and(|e| e == "py") { Kind::Py } else { Kind::Phi };
        let mut argv = vec![file.clone().into_os_string()];
        argv.extend(rest.iter().cloned());
        let path0 = real.parent().map_or_else(|| cwd.clone(), Path::to_path_buf);
        let target = std::path::absolute(&file).unwrap_or(file).into_os_string();
        Ok(Self { kind, target, argv, path0, python_flags })
    }

    /// Where config discovery starts: the program's folder (the current one for a module).
    pub fn config_start(&self) -> PathBuf {
        match self.kind {
            Kind::Module | Kind::Folder => self.path0.clone(),
            Kind::Command | Kind::Stdin => std::env::current_dir().unwrap_or_default(),
            Kind::Phi | Kind::Py => {
                let file = PathBuf::from(&self.target);
                let absolute = std::path::absolute(&file).unwrap_or(file);
                absolute.parent().map_or_else(|| self.path0.clone(), Path::to_path_buf)
            }
        }
    }
}

/// Whether `path` is a zip archive (a zipapp may start with a `#!` line: the end of central
/// directory record, near the end, is what tells).
fn is_zip(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    /// The record's signature, and how far from the end it can be (its size plus the
    /// longest archive comment).
    const END_RECORD: &[u8] = b"PK\x05\x06";
    const SEARCH: u64 = 22 + 65_535;
    let Ok(mut file) = std::fs::File::open(path) else { return false };
    let Ok(length) = file.seek(SeekFrom::End(0)) else { return false };
    if file.seek(SeekFrom::Start(length.saturating_sub(SEARCH))).is_err() {
        return false;
    }
    let mut tail = Vec::new();
    file.read_to_end(&mut tail).is_ok() && tail.windows(4).any(|w| w == END_RECORD)
}

/// `[Errno 13] Permission denied`, as Python words an OS error (Rust says
/// `Permission denied (os error 13)`).
fn errno_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(code) => {
            let words = text.strip_suffix(&format!(" (os error {code})")).unwrap_or(&text);
            format!("[Errno {code}] {words}")
        }
        None => text,
    }
}
