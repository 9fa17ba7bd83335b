//! The output buffer both transpilers write: source copied in runs, replacements between,
//! and (on request) a record of every edit for the source map.
//!
//! The buffer is bytes kept initialised past the written length, so the φ → Python fast
//! path can store fixed-size chunks (a 32-byte run, a 16-byte padded text) and then advance
//! by the real length: no variable-length copies, no branches on sizes. The text is checked
//! to be UTF-8 once, at the end.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::symbols::Packed;
use crate::text::{ASCII_IDENT, is_ident_char};

/// One replacement: `source[src_start..src_end]` became `output[out_start..out_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    pub(crate) src_start: usize,
    pub(crate) src_end: usize,
    pub(crate) out_start: usize,
    pub(crate) out_end: usize,
}

/// Bytes the fast path may store past the written length for one symbol's text: a space,
/// a 16-byte text and a space.
const FAST_ROOM: usize = 1 + 16 + 1;

pub(crate) struct Output<'s> {
    src: &'s str,
    /// Written bytes, then initialised room (`buf.len()` is the capacity in use).
    buf: Vec<u8>,
    len: usize,
    copied: usize,
    edits: Option<Vec<Edit>>,
    used: Vec<u64>,
}

impl<'s> Output<'s> {
    /// An output for `src`, sized for it plus a little growth, so it is allocated once.
    pub(crate) fn new(src: &'s str, entries: usize, record_edits: bool) -> Self {
        Self {
            src,
            buf: vec![0; src.len() + src.len() / 8 + 256],
            len: 0,
            copied: 0,
            edits: record_edits.then(Vec::new),
            used: vec![0; entries / 64 + 1],
        }
    }

    /// Makes room for `extra` more bytes past the written length.
    #[inline(always)]
    fn reserve(&mut self, extra: usize) {
        if self.len + extra > self.buf.len() {
            self.grow(extra);
        }
    }

    #[cold]
    fn grow(&mut self, extra: usize) {
        let size = (self.buf.len() * 2).max(self.len + extra + 256);
        self.buf.resize(size, 0);
    }

    #[inline(always)]
    fn push(&mut self, text: &[u8]) {
        self.reserve(text.len());
        if let Some(room) = self.buf.get_mut(self.len..self.len + text.len()) {
            room.copy_from_slice(text);
            self.len += text.len();
        }
    }

    /// Copies the source from where the last replacement ended up to `start`. Runs of up to
    /// 32 bytes are copied as 32 (when the source has them), so short runs cost no
    /// variable-length copy; the extra bytes lie past the written length.
    #[inline(always)]
    fn copy_run(&mut self, start: usize) {
        let bytes = self.src.as_bytes();
        let Some(run) = start.checked_sub(self.copied) else { return };
        self.reserve(run.max(32));
        let (at, from) = (self.len, self.copied);
        if run <= 32
            && let (Some(room), Some(chunk)) =
                (self.buf.get_mut(at..at + 32), bytes.get(from..from + 32))
        {
            room.copy_from_slice(chunk);
            self.len += run;
        } else if let Some(run) = bytes.get(from..start) {
            self.push(run);
        }
    }

    /// Replaces `source[start..end]` with one of `texts`: the Python text bare, with a
    /// space before, after, or both. The space before is added only when `pad_before` is
    /// set and the output so far ends with a name character.
    #[inline]
    pub(crate) fn replace_padded(
        &mut self,
        (start, end): (usize, usize),
        texts: &[Box<str>; 4],
        (pad_before, pad_after): (bool, bool),
        entry: u16,
    ) {
        self.copy_run(start);
        let before = pad_before && self.ends_with_ident();
        let out_start = self.len;
        self.push(texts[usize::from(before) | usize::from(pad_after) << 1].as_bytes());
        self.done(start, end, out_start, entry);
    }

    /// Replaces `source[start..end]` with `text`.
    #[inline]
    pub(crate) fn replace(&mut self, start: usize, end: usize, text: &str, entry: u16) {
        self.copy_run(start);
        let out_start = self.len;
        self.push(text.as_bytes());
        self.done(start, end, out_start, entry);
    }

    /// The fast path's replacement of the glue symbol at `start` by `symbol`'s short text,
    /// stored as its 16-byte slot; `pad_after` is already decided.
    #[inline(always)]
    pub(crate) fn replace_packed(&mut self, start: usize, symbol: &Packed, pad_after: bool) {
        self.copy_run(start);
        self.reserve(FAST_ROOM);
        let before = symbol.word_start && self.ends_with_ident();
        let out_start = self.len;
        let mut at = self.len;
        self.buf[at] = b' ';
        at += usize::from(before);
        self.buf[at..at + 16].copy_from_slice(&symbol.text);
        at += usize::from(symbol.len);
        self.buf[at] = b' ';
        self.len = at + usize::from(pad_after);
        self.done(start, start + usize::from(symbol.symbol_len), out_start, symbol.entry);
    }

    #[inline(always)]
    fn done(&mut self, start: usize, end: usize, out_start: usize, entry: u16) {
        self.copied = end;
        if let Some(slot) = self.used.get_mut(entry as usize / 64) {
            *slot |= 1 << (entry % 64);
        }
        if let Some(edits) = &mut self.edits {
            edits.push(Edit { src_start: start, src_end: end, out_start, out_end: self.len });
        }
    }

    /// Whether the output will have a name character right before source index `pos`: the
    /// end of the last replacement when it ended there, else the source's own character.
    pub(crate) fn ident_before(&self, pos: usize) -> bool {
        if pos == self.copied && self.len > 0 {
            self.ends_with_ident()
        } else {
            crate::text::char_before(self.src, pos).is_some_and(is_ident_char)
        }
    }

    /// Whether the output so far ends with a name character.
    #[inline(always)]
    fn ends_with_ident(&self) -> bool {
        match self.len.checked_sub(1).map(|last| self.buf[last]) {
            Some(b) if b < 0x80 => ASCII_IDENT[b as usize],
            Some(_) => self.ends_with_unicode_ident(),
            None => false,
        }
    }

    #[cold]
    fn ends_with_unicode_ident(&self) -> bool {
        let written = &self.buf[..self.len];
        let start = (self.len.saturating_sub(4)..self.len)
            .rfind(|&i| written[i] & 0xC0 != 0x80)
            .unwrap_or(self.len);
        let last = core::str::from_utf8(&written[start..]).ok().and_then(|s| s.chars().next());
        last.is_some_and(is_ident_char)
    }

    /// The finished text, the entries used (by index) and the edits, if recorded.
    pub(crate) fn finish(mut self) -> (String, Vec<usize>, Option<Vec<Edit>>) {
        self.copy_run(self.src.len());
        self.buf.truncate(self.len);
        // Every byte written is a whole run of the source or a whole replacement text, so
        // the check never fails; it keeps that a fact instead of a promise.
        let text = crate::text::into_string(self.buf);
        let used = (0..self.used.len() * 64)
            .filter(|&i| self.used[i / 64] & (1 << (i % 64)) != 0)
            .collect();
        (text, used, self.edits)
    }
}
