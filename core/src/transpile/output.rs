//! The output buffer both transpilers write: source copied in runs, replacements between,
//! and (on request) a record of every edit for the source map.

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

    /// Copies the source up to `at`, which must be a char boundary at or after the last copy.
    #[inline]
    fn flush(&mut self, at: usize) {
        if let Some(run) = self.src.get(self.copied..at) {
            self.out.push_str(run);
            self.copied = at;
        }
    }

    /// Whether the output so far ends with an identifier character (after flushing to `at`).
    #[inline]
    pub(crate) fn ends_with_ident(&mut self, at: usize) -> bool {
        self.flush(at);
        match self.out.as_bytes().last() {
            None => false,
            Some(&b) if b < 0x80 => crate::text::ASCII_IDENT[b as usize],
            Some(_) => self.out.chars().next_back().is_some_and(is_ident_char),
        }
    }

    /// Replaces `source[start..end]` with `text`, padded with the spaces asked for.
    #[inline]
    pub(crate) fn replace(
        &mut self,
        start: usize,
        end: usize,
        text: &str,
        pad: (bool, bool),
        entry: u16,
    ) {
        self.flush(start);
        let out_start = self.out.len();
        if pad.0 {
            self.out.push(' ');
        }
        self.out.push_str(text);
        if pad.1 {
            self.out.push(' ');
        }
        self.copied = end;
        if let Some(slot) = self.used.get_mut(entry as usize / 64) {
            *slot |= 1 << (entry % 64);
        }
        if let Some(edits) = &mut self.edits {
            edits.push(Edit {
                src_start: start,
                src_end: end,
                out_start,
                out_end: self.out.len(),
            });
        }
    }

    /// The finished text, the entries used (by index) and the edits, if recorded.
    pub(crate) fn finish(mut self) -> (String, Vec<usize>, Option<Vec<Edit>>) {
        self.flush(self.src.len());
        let used = (0..self.used.len() * 64)
            .filter(|&i| self.used[i / 64] & (1 << (i % 64)) != 0)
            .collect();
        (self.out, used, self.edits)
    }
}
