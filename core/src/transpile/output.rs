//! The output buffer both transpilers write: source copied in runs, replacements between,
//! and (on request) a record of every edit for the source map.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::text::is_ident_char;

/// One replacement: `source[src_start..src_end]` became `output[out_start..out_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    pub(crate) src_start: usize,
    pub(crate) src_end: usize,
    pub(crate) out_start: usize,
    pub(crate) out_end: usize,
}

pub(crate) struct Output<'s> {
    src: &'s str,
    out: String,
    copied: usize,
    edits: Option<Vec<Edit>>,
    used: Vec<u64>,
}

impl<'s> Output<'s> {
    /// An output for `src`, sized for it plus a little growth, so it is allocated once.
    pub(crate) fn new(src: &'s str, entries: usize, record_edits: bool) -> Self {
        Self {
            src,
            out: String::with_capacity(src.len() + src.len() / 8 + 64),
            copied: 0,
            edits: record_edits.then(Vec::new),
            used: vec![0; entries / 64 + 1],
        }
    }

    /// Replaces `source[start..end]` with one of `texts`: the Python text bare, with a
    /// space before, after, or both. The space before is added only when `pad_before` is
    /// set and the output so far ends with a name character.
    #[inline(always)]
    pub(crate) fn replace_padded(
        &mut self,
        (start, end): (usize, usize),
        texts: &[Box<str>; 4],
        (pad_before, pad_after): (bool, bool),
        entry: u16,
    ) {
        if let Some(run) = self.src.get(self.copied..start) {
            self.out.push_str(run);
        }
        let before = pad_before && self.ends_with_ident();
        let out_start = self.out.len();
        self.out.push_str(&texts[usize::from(before) | usize::from(pad_after) << 1]);
        self.done(start, end, out_start, entry);
    }

    /// Replaces `source[start..end]` with `text`.
    #[inline(always)]
    pub(crate) fn replace(&mut self, start: usize, end: usize, text: &str, entry: u16) {
        if let Some(run) = self.src.get(self.copied..start) {
            self.out.push_str(run);
        }
        let out_start = self.out.len();
        self.out.push_str(text);
        self.done(start, end, out_start, entry);
    }

    #[inline(always)]
    fn done(&mut self, start: usize, end: usize, out_start: usize, entry: u16) {
        self.copied = end;
        if let Some(slot) = self.used.get_mut(entry as usize / 64) {
            *slot |= 1 << (entry % 64);
        }
        if let Some(edits) = &mut self.edits {
            edits.push(Edit { src_start: start, src_end: end, out_start, out_end: self.out.len() });
        }
    }

    /// Whether the output so far ends with a name character.
    #[inline(always)]
    fn ends_with_ident(&self) -> bool {
        match self.out.as_bytes().last() {
            Some(&b) if b < 0x80 => crate::text::ASCII_IDENT[b as usize],
            Some(_) => self.ends_with_unicode_ident(),
            None => false,
        }
    }

    #[cold]
    fn ends_with_unicode_ident(&self) -> bool {
        self.out.chars().next_back().is_some_and(is_ident_char)
    }

    /// The finished text, the entries used (by index) and the edits, if recorded.
    pub(crate) fn finish(mut self) -> (String, Vec<usize>, Option<Vec<Edit>>) {
        if let Some(rest) = self.src.get(self.copied..) {
            self.out.push_str(rest);
        }
        let used = (0..self.used.len() * 64)
            .filter(|&i| self.used[i / 64] & (1 << (i % 64)) != 0)
            .collect();
        (self.out, used, self.edits)
    }
}
