//! The output both transpilers write: source copied in runs, replacements between, the
//! entries used, and (on request) a record of every edit for the source map.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::buffer::{Buffer, ends_with_ident};
use crate::source_map::Edit;
use crate::symbols::Packed;

pub(crate) struct Output<'s> {
    src: &'s str,
    out: Buffer,
    copied: usize,
    edits: Option<Vec<Edit>>,
    used: Vec<u64>,
}

impl<'s> Output<'s> {
    /// An output for `src`, sized for it plus a little growth, so it is allocated once.
    pub(crate) fn new(src: &'s str, entries: usize, record_edits: bool) -> Self {
        Self {
            src,
            out: Buffer::new(src.len() + src.len() / 8 + 256),
            copied: 0,
            // About one edit per 32 bytes in symbol-dense code: most maps never reallocate.
            edits: record_edits.then(|| Vec::with_capacity(src.len() / 32)),
            used: vec![0; entries / 64 + 1],
        }
    }

    /// Copies the source from where the last replacement ended up to `start`.
    #[inline(always)]
    fn copy_run(&mut self, start: usize) {
        self.out.push_run(self.src.as_bytes(), self.copied, start);
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
        let before = pad_before && ends_with_ident(self.out.written());
        let out_start = self.out.len();
        self.out.push(texts[usize::from(before) | usize::from(pad_after) << 1].as_bytes());
        self.done(start, end, out_start, entry);
    }

    /// Replaces `source[start..end]` with `text`.
    #[inline]
    pub(crate) fn replace(&mut self, start: usize, end: usize, text: &str, entry: u16) {
        self.copy_run(start);
        let out_start = self.out.len();
        self.out.push(text.as_bytes());
        self.done(start, end, out_start, entry);
    }

    /// The fast path's replacement of the glue symbol at `start` by `symbol`'s short text,
    /// stored as its 16-byte slot; `pad_after` is already decided.
    #[inline(always)]
    pub(crate) fn replace_packed(&mut self, start: usize, symbol: &Packed, pad_after: bool) {
        // What precedes the symbol is read from the source when a run is copied (so it
        // waits on no store), from the output when it follows another replacement.
        let src = self.src.as_bytes();
        let before_text = if start > self.copied { src.get(..start) } else { None };
        let before =
            symbol.word_start & ends_with_ident(before_text.unwrap_or_else(|| self.out.written()));
        self.copy_run(start);
        let out_start = self.out.len();
        self.out.push_packed(symbol, (before, pad_after));
        self.done(start, start + usize::from(symbol.symbol_len), out_start, symbol.entry);
    }

    #[inline(always)]
    fn done(&mut self, start: usize, end: usize, out_start: usize, entry: u16) {
        self.copied = end;
        if let Some(slot) = self.used.get_mut(entry as usize / 64) {
            *slot |= 1 << (entry % 64);
        }
        if let Some(edits) = &mut self.edits {
            let out_end = self.out.len();
            edits.push(Edit { src_start: start, src_end: end, out_start, out_end });
        }
    }

    /// Whether a replacement ends right before source index `pos` with a name character.
    pub(crate) fn replacement_ends_ident_at(&self, pos: usize) -> bool {
        pos == self.copied && ends_with_ident(self.out.written())
    }

    /// The finished text, the entries used (by index) and the edits, if recorded.
    pub(crate) fn finish(mut self) -> (String, Vec<usize>, Option<Vec<Edit>>) {
        self.copy_run(self.src.len());
        let text = self.out.into_string();
        let used = (0..self.used.len() * 64)
            .filter(|&i| self.used[i / 64] & (1 << (i % 64)) != 0)
            .collect();
        (text, used, self.edits)
    }
}
