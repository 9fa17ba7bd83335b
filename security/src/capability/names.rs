//! The built-in capability names, and what makes a name valid.

/// `input()`, `sys.stdin` and `getpass()`: lines asked from the host.
pub const INPUT: &str = "input";
/// `approve(prompt, data)`: a yes or no asked from a person or a policy.
pub const APPROVE: &str = "approve";
/// `clock.now()` and `clock.monotonic()`.
pub const CLOCK: &str = "clock";
/// `fs.read(path)`: a file's text, read by the host.
pub const FS_READ: &str = "fs.read";
/// `fs.write(path, text)`: a file written by the host.
pub const FS_WRITE: &str = "fs.write";
/// `net.connect(host, port, send)`: a TCP exchange made by the host.
pub const NET_CONNECT: &str = "net.connect";
/// Starting programs (`subprocess`, `os.system`): lifts the seccomp rule against execve.
pub const SUBPROCESS: &str = "subprocess";
/// The environment the session was started with, instead of a clean one.
pub const ENV: &str = "env";

/// Every built-in name.
pub const BUILT_IN: [&str; 8] =
    [INPUT, APPROVE, CLOCK, FS_READ, FS_WRITE, NET_CONNECT, SUBPROCESS, ENV];

/// A name is one or more lowercase identifiers joined by dots (`fs.read`, `db.query`):
/// the part before the last dot becomes a name in the session, the last part its method.
pub fn is_valid(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_dotted_lowercase_identifiers() {
        assert!(BUILT_IN.iter().all(|n| is_valid(n)));
        assert!(is_valid("db.query_2"));
        for bad in ["", "Fs.read", "fs..read", "fs.", "rm -rf", "1x"] {
            assert!(!is_valid(bad), "{bad}");
        }
    }
}
