//! The generator's state and its lowest-level writers.

use super::words;
use crate::rng::Rng;

/// What the statement being generated is inside of, which decides what is legal.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Ctx {
    pub in_loop: bool,
    pub in_func: bool,
    pub in_async: bool,
    pub may_yield: bool,
    pub depth: u32,
}

/// Output buffer, randomness, indentation and the spacing style of the current line.
pub(super) struct Gen {
    pub rng: Rng,
    pub out: String,
    pub indent: usize,
    /// Whether symbols on the current statement are glued to their neighbours.
    pub glue: bool,
    pub counter: usize,
}

impl Gen {
    pub fn new(seed: u64) -> Self {
        Self { rng: Rng::new(seed), out: String::new(), indent: 0, glue: false, counter: 0 }
    }

    pub fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// A prefix symbol (`¿`, `∀`, `⟲`): followed by a space unless glued.
    pub fn kw(&mut self, symbol: &str) {
        self.out.push_str(symbol);
        if !self.glue {
            self.out.push(' ');
        }
    }

    /// An infix symbol (`∈`, `∧`, `⋄`): spaced on both sides unless glued.
    pub fn op(&mut self, symbol: &str) {
        if !self.glue {
            self.out.push(' ');
        }
        self.kw(symbol);
    }

    /// Starts a statement line: indentation, and a spacing style for the whole line.
    pub fn begin(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.glue = self.rng.chance(25);
    }

    /// Ends a line, sometimes with a trailing comment.
    pub fn end(&mut self) {
        if self.rng.chance(12) {
            self.out.push_str("  ");
            self.comment_text();
        }
        self.out.push('\n');
    }

    /// A fresh number for function and class names.
    pub fn fresh(&mut self) -> usize {
        self.counter += 1;
        self.counter
    }

    pub fn name(&mut self) {
        let name = *self.rng.pick(words::NAMES);
        self.push(name);
    }
}

impl Gen {
    /// A name with no `.`, for targets that must be plain identifiers.
    pub fn plain_name(&mut self) {
        loop {
            let name = *self.rng.pick(words::NAMES);
            if !name.contains('.') {
                return self.push(name);
            }
        }
    }

    /// Pushes one of `options`.
    pub fn one_of(&mut self, options: &[&str]) {
        let text = *self.rng.pick(options);
        self.push(text);
    }

    /// Pushes indentation for `extra` levels deeper than the current one.
    pub fn indent_by(&mut self, extra: usize) {
        for _ in 0..self.indent + extra {
            self.out.push_str("    ");
        }
    }
}
