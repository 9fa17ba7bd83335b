//! What a transpiler plugs into the lexer.

use crate::error::LexError;

/// What a transpiler plugs into the lexer.
pub(crate) trait Handler {
    /// First index at or after `from`, in top-level code, holding a quote, `#`, or a byte
    /// that `wants` accepts (`bytes.len()` when none).
    fn next_stop(&self, bytes: &[u8], from: usize) -> usize;
    /// Whether the handler consumes code tokens that start with byte `b`.
    fn wants(&self, b: u8) -> bool;
    /// Whether the non-ASCII char `c` is a token of its own (a φ glue symbol).
    fn splits(&self, c: char) -> bool;
    /// Consumes the code token at `pos`; returns the index right after it.
    fn token(&mut self, src: &str, pos: usize) -> usize;
    /// Reports a lexical error for the token that starts at byte `pos`.
    fn error(&mut self, pos: usize, error: LexError);
    /// Whether top-level code may take the fast path, which calls `glyph` for non-ASCII
    /// characters and nothing else (so a handler that wants names never skims).
    fn skims(&self) -> bool {
        false
    }
    /// Consumes the non-ASCII character at `pos` in top-level code on the fast path;
    /// returns the index right after what it consumed, or `None` to leave it to `token`.
    fn glyph(&mut self, _src: &str, _pos: usize) -> Option<usize> {
        None
    }
}
