//! The on-disk form of a cache entry: a pyc-style header, then the marshalled code.
//!
//! | bytes  | content                                            |
//! |--------|----------------------------------------------------|
//! | 0..4   | the interpreter's bytecode magic number            |
//! | 4..8   | `φc` in UTF-8 and the format version (`CF 86 63 01`) |
//! | 8..16  | key: hash of the source, dialect, interpreter, version |
//! | 16..24 | xxh3 of the payload (catches torn or corrupt writes) |
//! | 24..32 | payload length (catches truncation)                |
//! | 32..   | payload (marshalled code object)                   |

use xxhash_rust::xxh3::xxh3_64;

/// Size of the header before the payload.
pub const HEADER_LEN: usize = 32;
const FORMAT: [u8; 4] = [0xCF, 0x86, b'c', 1];

/// Why an entry cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// There is no entry (or it cannot be read).
    #[error("no entry")]
    Missing,
    /// Shorter than its header or its stated length.
    #[error("truncated entry")]
    Truncated,
    /// Written by another interpreter or another program.
    #[error("foreign entry")]
    Foreign,
    /// Written for another source, dialect or phicode version.
    #[error("stale entry")]
    Stale,
    /// The payload does not match its checksum.
    #[error("corrupt entry")]
    Corrupt,
}

/// The bytes of an entry.
pub fn encode(magic: [u8; 4], key: u64, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&magic);
    out.extend_from_slice(&FORMAT);
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&xxh3_64(payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of `bytes` if it is a whole, intact entry for `magic` and `key`.
pub fn decode(bytes: &[u8], magic: [u8; 4], key: u64) -> Result<&[u8], Invalid> {
    let (header, payload) = bytes.split_at_checked(HEADER_LEN).ok_or(Invalid::Truncated)?;
    let word = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&header[at..at + 8]);
        u64::from_le_bytes(b)
    };
    if header[..4] != magic || header[4..8] != FORMAT {
        return Err(Invalid::Foreign);
    }
    if word(24) != payload.len() as u64 {
        return Err(Invalid::Truncated);
    }
    if word(8) != key {
        return Err(Invalid::Stale);
    }
    if word(16) != xxh3_64(payload) {
        return Err(Invalid::Corrupt);
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: [u8; 4] = *b"\xa7\r\r\n";

    #[test]
    fn every_kind_of_damage_is_detected() {
        let good = encode(MAGIC, 42, b"code bytes");
        assert_eq!(decode(&good, MAGIC, 42), Ok(&b"code bytes"[..]));
        for cut in [0, 5, HEADER_LEN, good.len() - 1] {
            assert_eq!(decode(&good[..cut], MAGIC, 42), Err(Invalid::Truncated), "cut {cut}");
        }
        assert_eq!(decode(&good, *b"\x6f\r\r\n", 42), Err(Invalid::Foreign));
        assert_eq!(decode(&good, MAGIC, 43), Err(Invalid::Stale));
        let mut flipped = good.clone();
        flipped[HEADER_LEN + 3] ^= 1;
        assert_eq!(decode(&flipped, MAGIC, 42), Err(Invalid::Corrupt));
        let mut pyc = good;
        pyc[4..8].copy_from_slice(&[0, 0, 0, 0]);
        assert_eq!(decode(&pyc, MAGIC, 42), Err(Invalid::Foreign));
    }
}
