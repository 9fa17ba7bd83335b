//! The bytes a conversion writes, kept initialised past the written length so the fast path
//! can store fixed-size chunks (a 32-byte run, a 16-byte padded text) and then advance by
//! the real length: no variable-length copies, no branches on sizes.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::symbols::Packed;
use crate::text::{ASCII_IDENT, is_ident_char};

pub(super) struct Buffer {
    /// Written bytes, then initialised room (`bytes.len()` is the capacity in use).
    bytes: Vec<u8>,
    len: usize,
}

impl Buffer {
    /// A buffer with room for `capacity` bytes.
    pub(super) fn new(capacity: usize) -> Self {
        Self { bytes: vec![0; capacity], len: 0 }
    }

    /// Bytes written so far.
    #[inline(always)]
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Makes room for `extra` more bytes past the written length.
    #[inline(always)]
    fn reserve(&mut self, extra: usize) {
        if self.len + extra > self.bytes.len() {
            self.grow(extra);
        }
    }

    /// Grows by half (or by what is asked): doubling a buffer sized from the source would
    /// at once claim twice its size, which in a wasm32 module's 4 GiB can be what fails.
    #[cold]
    fn grow(&mut self, extra: usize) {
        let size = (self.bytes.len() + self.bytes.len() / 2).max(self.len + extra + 256);
        self.bytes.resize(size, 0);
    }

    #[inline(always)]
    pub(super) fn push(&mut self, text: &[u8]) {
        self.reserve(text.len());
        if let Some(room) = self.bytes.get_mut(self.len..self.len + text.len()) {
            room.copy_from_slice(text);
            self.len += text.len();
        }
    }

    /// Appends `src[from..to]`. Runs of up to 32 bytes are copied as 32 (when `src` has
    /// them); the extra bytes lie past the written length.
    #[inline(always)]
    pub(super) fn push_run(&mut self, src: &[u8], from: usize, to: usize) {
        let Some(run) = to.checked_sub(from) else { return };
        self.reserve(run.max(32));
        let at = self.len;
        if run <= 32
            && let (Some(room), Some(chunk)) =
                (self.bytes.get_mut(at..at + 32), src.get(from..from + 32))
        {
            room.copy_from_slice(chunk);
            self.len += run;
        } else if let Some(run) = src.get(from..to) {
            self.push(run);
        }
    }

    /// Appends `symbol`'s Python text from its 16-byte slot, with a space before when
    /// `before` and after when `after`.
    #[inline(always)]
    pub(super) fn push_packed(&mut self, symbol: &Packed, (before, after): (bool, bool)) {
        self.reserve(1 + 16 + 1);
        let mut at = self.len;
        self.bytes[at] = b' ';
        at += usize::from(before);
        self.bytes[at..at + 16].copy_from_slice(&symbol.text);
        at += usize::from(symbol.len);
        self.bytes[at] = b' ';
        self.len = at + usize::from(after);
    }

    /// The bytes written so far.
    #[inline(always)]
    pub(super) fn written(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// The text written. Every byte written is a whole run of a source or a whole
    /// replacement text, so the check never fails; it keeps that a fact, not a promise.
    pub(super) fn into_string(mut self) -> String {
        self.bytes.truncate(self.len);
        crate::text::into_string(self.bytes)
    }
}

/// Whether `text` (whole UTF-8 characters) ends with a name character.
#[inline(always)]
pub(super) fn ends_with_ident(text: &[u8]) -> bool {
    match text.last() {
        Some(&b) if b < 0x80 => ASCII_IDENT[b as usize],
        Some(_) => ends_with_unicode_ident(text),
        None => false,
    }
}

#[cold]
fn ends_with_unicode_ident(text: &[u8]) -> bool {
    let start = (text.len().saturating_sub(4)..text.len())
        .rfind(|&i| text[i] & 0xC0 != 0x80)
        .unwrap_or(text.len());
    let last = core::str::from_utf8(&text[start..]).ok().and_then(|s| s.chars().next());
    last.is_some_and(is_ident_char)
}
