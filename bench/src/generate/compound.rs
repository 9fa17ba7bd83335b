//! Compound statements: `¿/⤷/⋄`, `∀`, `↻`, `∴/⛒/⇗`, `∥`, `⟷/▷`, `⟳ ∀`, `⟳ ∥`.

use super::state::{Ctx, Gen};

/// `case` patterns that are not irrefutable (so they may come before `▷ _`).
const PATTERNS: &[&str] = &[
    "[action]",
    "[\"go\", direction] ¿ direction ∈ valid",
    "{\"x\": px, \"y\": py}",
    "Point(x=0, y=0)",
    "1 | 2 | 3",
    "\"quit\"",
    "Ø",
    "✓",
    "[first, *rest]",
    "str() ↦ label",
];

impl Gen {
    /// One compound statement legal in `ctx`.
    pub fn compound(&mut self, ctx: Ctx) {
        match self.rng.below(10) {
            2 => {
                self.header("∀", |g| {
                    g.one_of(&["v", "i, v", "key, value", "row"]);
                    g.op("∈");
                    g.one_of(&["№(items)", "⨅(left, right)", "⟪(ℓ(items))", "d.items()", "parts"]);
                });
                self.block(Ctx { in_loop: true, ..ctx });
                if self.rng.chance(10) {
                    self.clause("⋄", ctx);
                }
            }
            3 => {
                self.header("↻", |g| {
                    if g.rng.chance(40) {
                        g.push("(chunk");
                        g.op("≔");
                        g.push("fh.read(4096))");
                    } else {
                        g.expr(2);
                    }
                });
                self.block(Ctx { in_loop: true, ..ctx });
            }
            4 => self.try_statement(ctx),
            5 => {
                self.header("∥", |g| {
                    g.one_of(&["open(path, \"r\", encoding=\"utf-8\")", "lock", "ctx()"]);
                    if g.rng.chance(70) {
                        g.op("↦");
                        g.plain_name();
                    }
                });
                self.block(ctx);
            }
            6 => self.match_statement(ctx),
            7 if ctx.in_async => {
                self.begin();
                self.kw("⟳");
                let in_loop = self.rng.chance(50);
                if in_loop {
                    self.kw("∀");
                    self.push("chunk");
                    self.op("∈");
                    self.push("stream:");
                } else {
                    self.kw("∥");
                    self.push("lock");
                    self.op("↦");
                    self.push("held:");
                }
                self.end();
                let in_loop = in_loop || ctx.in_loop;
                self.block(Ctx { in_loop, ..ctx });
            }
            8 if ctx.depth < 2 => self.closure(),
            _ => {
                self.header("¿", |g| {
                    if g.rng.chance(20) {
                        g.push("(m");
                        g.op("≔");
                        g.push("re.match(r'\\d+', line))");
                        g.op("≡");
                        g.kw("¬");
                        g.push("Ø");
                    } else {
                        g.expr(2);
                    }
                });
                self.block(ctx);
                while self.rng.chance(30) {
                    self.header("⤷", |g| g.expr(2));
                    self.block(ctx);
                }
                if self.rng.chance(40) {
                    self.clause("⋄", ctx);
                }
            }
        }
    }

    /// `symbol head:` on its own line (the block follows).
    pub fn header(&mut self, symbol: &str, head: impl FnOnce(&mut Self)) {
        self.begin();
        self.kw(symbol);
        head(self);
        self.push(":");
        self.end();
    }

    /// `symbol:` and its block (`⋄:`, `∴:`, `⇗:`).
    fn clause(&mut self, symbol: &str, ctx: Ctx) {
        self.begin();
        self.push(symbol);
        self.push(":");
        self.end();
        self.block(ctx);
    }

    fn try_statement(&mut self, ctx: Ctx) {
        self.clause("∴", ctx);
        let handlers = self.rng.below(3);
        for _ in 0..handlers {
            self.header("⛒", |g| {
                g.one_of(&["(ValueError, KeyError)", "OSError", "Exception"]);
                g.op("↦");
                g.push("err");
            });
            self.block(ctx);
            if self.rng.chance(30) {
                self.indent += 1;
                self.begin();
                self.kw("↑");
                self.push("RuntimeError(\"wrapped\")");
                self.op("←");
                self.push("err");
                self.end();
                self.indent -= 1;
            }
        }
        if handlers > 0 && self.rng.chance(20) {
            self.clause("⛒", ctx);
        }
        if handlers > 0 && self.rng.chance(25) {
            self.clause("⋄", ctx);
        }
        if handlers == 0 || self.rng.chance(40) {
            self.clause("⇗", ctx);
        }
    }

    fn match_statement(&mut self, ctx: Ctx) {
        self.header("⟷", |g| g.one_of(&["command.split()", "event", "point"]));
        self.indent += 1;
        let inner = Ctx { depth: ctx.depth + 1, ..ctx };
        for _ in 0..1 + self.rng.below(3) {
            self.header("▷", |g| g.one_of(PATTERNS));
            self.block(inner);
        }
        if self.rng.chance(60) {
            self.header("▷", |g| g.push("_"));
            self.block(inner);
        }
        self.indent -= 1;
    }
}
