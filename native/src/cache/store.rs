//! [`Cache`]: where this process's entries live and what they are keyed by, and reading
//! and writing one entry.

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::entry::{Invalid, decode, encode};

/// How and where this process caches compiled φ modules.
#[derive(Debug, Clone)]
pub struct Cache {
    /// `sys.implementation.cache_tag` (`cpython-311`); `None`: the interpreter has no cache.
    pub tag: Option<String>,
    /// `sys.pycache_prefix` (`PYTHONPYCACHEPREFIX`): a separate tree instead of `__pycache__`.
    pub prefix: Option<PathBuf>,
    /// `false` under `PYTHONDONTWRITEBYTECODE`: entries are read but never written.
    pub write: bool,
    /// The interpreter's bytecode magic number.
    pub magic: [u8; 4],
    /// Seed for source hashes: everything in the key except the source itself.
    pub seed: u64,
}

impl Cache {
    /// The seed that ties entries to this phicode, interpreter, optimization and dialect.
    pub fn seed(tag: &str, magic: [u8; 4], optimize: i64, dialect: u64) -> u64 {
        let mut key = Vec::new();
        key.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
        key.push(0);
        key.extend_from_slice(tag.as_bytes());
        key.push(0);
        key.extend_from_slice(&magic);
        key.extend_from_slice(&optimize.to_le_bytes());
        key.extend_from_slice(&dialect.to_le_bytes());
        xxh3_64_with_seed(&key, 0x9e37_79b9_7f4a_7c15)
    }

    /// The key of an entry for `source`.
    pub fn key(&self, source: &[u8]) -> u64 {
        xxh3_64_with_seed(source, self.seed)
    }

    /// Where the entry for the φ file `source` lives: `dir/__pycache__/name.<tag>.phic`.
    pub fn path_for(&self, source: &Path) -> Option<PathBuf> {
        let tag = self.tag.as_deref()?;
        let stem = source.file_stem()?.to_str()?;
        let name = format!("{stem}.{tag}.phic");
        let dir = match source.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Some(match &self.prefix {
            // As CPython does: the absolute folder, re-rooted under the prefix.
            Some(prefix) => {
                let absolute = std::path::absolute(&dir).ok()?;
                let relative: PathBuf = absolute.components().skip(1).collect();
                prefix.join(relative).join(name)
            }
            None => dir.join("__pycache__").join(name),
        })
    }

    /// The cached payload for `source` at `path`, if a valid entry is there.
    pub fn read(&self, path: &Path, key: u64) -> Result<Vec<u8>, Invalid> {
        let bytes = std::fs::read(path).map_err(|_| Invalid::Missing)?;
        decode(&bytes, self.magic, key).map(<[u8]>::to_vec)
    }

    /// Writes an entry atomically; any failure (read-only folder, full disk) means no cache.
    pub fn write(&self, path: &Path, key: u64, payload: &[u8]) -> std::io::Result<()> {
        if !self.write {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::atomic::write_cache(path, &encode(self.magic, key, payload))
    }
}

/// A fingerprint of a dialect: the entries a config added, in order.
pub fn dialect_fingerprint(table: &phicode_core::SymbolTable) -> u64 {
    let mut text = Vec::new();
    for entry in table.entries() {
        text.extend_from_slice(entry.symbol.as_bytes());
        text.push(0);
        text.extend_from_slice(entry.python.as_bytes());
        text.push(0);
    }
    xxh3_64_with_seed(&text, 0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn cache(prefix: Option<PathBuf>) -> Cache {
        Cache {
            tag: Some("cpython-311".into()),
            prefix,
            write: true,
            magic: *b"\xa7\r\r\n",
            seed: Cache::seed("cpython-311", *b"\xa7\r\r\n", 0, 0),
        }
    }

    #[test]
    fn entries_sit_in_pycache_or_under_the_prefix() {
        let c = cache(None);
        assert_eq!(
            c.path_for(Path::new("/p/app.φ")).unwrap(),
            Path::new("/p/__pycache__/app.cpython-311.phic")
        );
        let c = cache(Some("/tmp/pyc".into()));
        assert_eq!(
            c.path_for(Path::new("/p/q/m.φ")).unwrap(),
            Path::new("/tmp/pyc/p/q/m.cpython-311.phic")
        );
    }

    #[test]
    fn keys_change_with_source_interpreter_and_dialect() {
        let c = cache(None);
        assert_ne!(c.key(b"a"), c.key(b"b"));
        let other = Cache::seed("pypy39", *b"\xa7\r\r\n", 0, 0);
        assert_ne!(c.seed, other);
        assert_ne!(c.seed, Cache::seed("cpython-311", *b"\xa7\r\r\n", 0, 1));
        assert_ne!(c.seed, Cache::seed("cpython-311", *b"\xa7\r\r\n", 1, 0));
    }

    #[test]
    fn write_then_read_round_trips_and_garbage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let c = cache(None);
        let path = c.path_for(&dir.path().join("m.φ")).unwrap();
        assert_eq!(c.read(&path, 7), Err(Invalid::Missing));
        c.write(&path, 7, b"payload").unwrap();
        assert_eq!(c.read(&path, 7).unwrap(), b"payload");
        assert_eq!(c.read(&path, 8), Err(Invalid::Stale));
        std::fs::write(&path, b"garbage").unwrap();
        assert_eq!(c.read(&path, 7), Err(Invalid::Truncated));
    }
}
