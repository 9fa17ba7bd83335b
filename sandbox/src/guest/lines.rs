//! The guest's stdout and stderr pipes, read line by line on the host, each line cut
//! into pieces when it is longer than a bound (a guest must not make the host buffer
//! without end).

use std::io::{BufRead, BufReader, Read};

/// The longest piece of raw stderr text handed on at once (C-level writes to fd 2 are
/// not lines of the driver: nothing needs them whole).
pub const STDERR_PIECE: usize = 64 * 1024;

/// Calls `each` with every line of `pipe` (without its line break; invalid UTF-8
/// replaced; pieces of `longest` bytes when longer), until it closes.
pub fn lines(pipe: impl Read, longest: usize, mut each: impl FnMut(String)) {
    let mut reader = BufReader::with_capacity(64 * 1024, pipe);
    let mut line = Vec::new();
    loop {
        line.clear();
        let limit = u64::try_from(longest).unwrap_or(u64::MAX);
        match reader.by_ref().take(limit).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                each(String::from_utf8_lossy(&line).into_owned());
            }
        }
    }
}
