//! `fs.read(path)` and `fs.write(path, text)`: files outside the confinement, read and
//! written by the host within the grant's paths. Paths are resolved (symlinks and `..`)
//! before they are checked, and the final component is opened without following a
//! symlink, so a link cannot lead a granted path elsewhere.

use std::fs::OpenOptions;
use std::io::{Read as _, Write as _};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::call::{CallError, Capability, Decision, string_argument};
use super::names;
use crate::policy::Grant;

/// The most `fs.read` returns: a frame must carry it.
const MAX_READ: u64 = 8 * 1024 * 1024;

/// `fs.read`.
pub struct Read;
/// `fs.write`.
pub struct Write;

impl Capability for Read {
    fn name(&self) -> &str {
        names::FS_READ
    }

    fn check(&self, arguments: &Value, grant: &Grant) -> Result<Decision, CallError> {
        let path = resolved(string_argument(arguments, "path")?)?;
        let roots = [resolved_roots(&grant.read), resolved_roots(&grant.write)].concat();
        Ok(decide(Grant::covers(&roots, &path), "read", &path))
    }

    fn run(&self, arguments: &Value) -> Result<Value, CallError> {
        let path = resolved(string_argument(arguments, "path")?)?;
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| failed(&path, e))?;
        let mut bytes = Vec::new();
        file.take(MAX_READ + 1).read_to_end(&mut bytes).map_err(|e| failed(&path, e))?;
        if bytes.len() as u64 > MAX_READ {
            return Err(CallError::Failed(format!("{}: larger than 8 MiB", path.display())));
        }
        String::from_utf8(bytes)
            .map(Value::String)
            .map_err(|_| CallError::Failed(format!("{}: not UTF-8 text", path.display())))
    }
}

impl Capability for Write {
    fn name(&self) -> &str {
        names::FS_WRITE
    }

    fn check(&self, arguments: &Value, grant: &Grant) -> Result<Decision, CallError> {
        let path = resolved(string_argument(arguments, "path")?)?;
        string_argument(arguments, "text")?;
        Ok(decide(Grant::covers(&resolved_roots(&grant.write), &path), "write", &path))
    }

    fn run(&self, arguments: &Value) -> Result<Value, CallError> {
        let path = resolved(string_argument(arguments, "path")?)?;
        let text = string_argument(arguments, "text")?;
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| failed(&path, e))?;
        file.write_all(text.as_bytes()).map_err(|e| failed(&path, e))?;
        // Characters, as a text file's `write` returns.
        Ok(json!(text.chars().count()))
    }
}

fn decide(covered: bool, verb: &str, path: &Path) -> Decision {
    if covered {
        return Decision::Allow;
    }
    let prompt = format!("{verb} {} (outside the paths granted)", path.display());
    Decision::Ask { prompt, data: json!({ "path": path, "action": verb }) }
}

/// `path` made absolute and free of symlinks and `..`: the file itself when it exists,
/// else its folder plus its name.
fn resolved(path: &str) -> Result<PathBuf, CallError> {
    let path = Path::new(path);
    if !path.is_absolute() {
        return Err(CallError::BadArguments(format!(
            "{}: give an absolute path (the host does not share the cell's folder)",
            path.display()
        )));
    }
    if let Ok(real) = path.canonicalize() {
        return Ok(real);
    }
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(CallError::BadArguments(format!("{}: not a file path", path.display())));
    };
    let parent = parent.canonicalize().map_err(|e| failed(parent, e))?;
    Ok(parent.join(name))
}

/// The granted roots, resolved like the paths they are compared with.
fn resolved_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots.iter().filter_map(|r| r.canonicalize().ok()).collect()
}

fn failed(path: &Path, error: std::io::Error) -> CallError {
    CallError::Failed(format!("{}: {error}", path.display()))
}
