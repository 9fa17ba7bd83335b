//! One cache entry on disk: wasmtime's compiled module, then a 16-byte xxh3-128 of it,
//! then an 8-byte tag. A torn write (a crash mid-write can only leave a temporary file,
//! but disks and users do odd things) or any flipped byte fails the check, and the entry
//! is rebuilt: compiled code is never loaded unchecked. The hash guards against accidents,
//! not attackers: whoever can write this user's cache can also replace the binary.

use std::io::Write;
use std::path::Path;

use wasmtime::{Engine, Module};
use xxhash_rust::xxh3::xxh3_128;

use crate::error::SandboxError;

/// Ends every entry: says the file is one of ours, in this layout.
const TAG: &[u8; 8] = b"PHIWASM1";
/// The checksum and the tag after the compiled module.
const TRAILER: usize = 16 + TAG.len();

/// The module in the entry at `path`, or `None` when there is none or it fails a check.
pub fn load(engine: &Engine, path: &Path) -> Option<Module> {
    let bytes = std::fs::read(path).ok()?;
    let body = checked(&bytes)?;
    deserialize_own(engine, body).ok()
}

/// The compiled module in `entry` when its checksum and tag are right.
fn checked(entry: &[u8]) -> Option<&[u8]> {
    let split = entry.len().checked_sub(TRAILER)?;
    let (body, trailer) = entry.split_at(split);
    let (sum, tag) = trailer.split_at(16);
    (tag == TAG && sum == xxh3_128(body).to_le_bytes()).then_some(body)
}

/// Writes `compiled` as the entry at `path`: to a temporary file in the same folder,
/// then renamed over it, so readers see the old entry or the whole new one.
pub fn store(dir: &Path, path: &Path, compiled: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    temporary.write_all(compiled)?;
    temporary.write_all(&xxh3_128(compiled).to_le_bytes())?;
    temporary.write_all(TAG)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Loads compiled code made by this process's engine or read from a checked entry.
#[allow(unsafe_code)]
pub fn deserialize_own(engine: &Engine, compiled: &[u8]) -> Result<Module, SandboxError> {
    // SAFETY: `Module::deserialize` runs the machine code it is given, so it must only see
    // bytes made by `Engine::precompile_module`. Its callers pass either what this process
    // just compiled, or the body of a cache entry whose xxh3-128 checksum and tag (written
    // by `store` right after compiling) match, read once into memory so the bytes checked
    // are the bytes loaded. wasmtime itself rejects output of other versions or settings.
    unsafe { Module::deserialize(engine, compiled) }.map_err(|e| SandboxError::wasmtime(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(body: &[u8]) -> Vec<u8> {
        [body, &xxh3_128(body).to_le_bytes(), TAG].concat()
    }

    #[test]
    fn only_a_whole_unchanged_entry_passes() {
        let body = b"compiled code".as_slice();
        assert_eq!(checked(&entry(body)), Some(body));
        let mut flipped = entry(body);
        flipped[3] ^= 1;
        assert_eq!(checked(&flipped), None);
        let whole = entry(body);
        assert_eq!(checked(&whole[..whole.len() - 1]), None);
        assert_eq!(checked(&whole[1..]), None);
        assert_eq!(checked(b"short"), None);
    }
}
