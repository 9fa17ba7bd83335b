//! Statements: simple ones on one line (or continued), compound ones with their blocks.

use super::state::{Ctx, Gen};
use super::words::FUNCTIONS;

impl Gen {
    /// The body of a compound statement: one level deeper, one to four statements.
    pub fn block(&mut self, ctx: Ctx) {
        self.indent += 1;
        let inner = Ctx { depth: ctx.depth + 1, ..ctx };
        let count = 1 + self.rng.below(if ctx.depth >= 2 { 2 } else { 4 });
        for _ in 0..count {
            self.stmt(inner);
        }
        self.indent -= 1;
    }

    /// One statement (sometimes preceded by a comment line), legal in `ctx`.
    pub fn stmt(&mut self, ctx: Ctx) {
        if self.rng.chance(8) {
            self.begin();
            self.comment_text();
            self.push("\n");
        }
        if ctx.depth < 3 && self.rng.chance(28) {
            self.compound(ctx);
        } else {
            self.simple(ctx);
        }
    }

    fn simple(&mut self, ctx: Ctx) {
        self.begin();
        match self.rng.below(26) {
            6 => {
                self.name();
                self.one_of(&[" += ", " -= ", " |= ", " *= "]);
                self.expr(1);
            }
            7 | 8 => {
                self.push("π(");
                self.expr(2);
                self.one_of(&["", ", sep=\", \"", ", file=sys.stderr", ", end=''"]);
                self.push(")");
            }
            9 | 10 => self.method_call(2),
            11 => {
                self.kw("‼");
                self.name();
                if self.rng.chance(50) {
                    self.op("∈");
                    self.operand(1);
                } else {
                    self.op("≡");
                    self.kw("¬");
                    self.push("Ø");
                }
                self.push(", ");
                self.string();
            }
            12 => {
                self.kw("∂");
                self.name();
                self.one_of(&["[key]", "[0]", ""]);
            }
            13 => {
                self.kw("↑");
                self.one_of(&["ValueError(", "KeyError(", "RuntimeError("]);
                self.fstring('"', true);
                self.push(")");
            }
            14 => self.push("⋯"),
            15 => {
                self.name();
                self.push(" = ");
                self.operand(1);
                let op = self.rng_pick(&["∧", "∨"]);
                self.op(op);
                self.push("\\\n");
                self.indent_by(2);
                self.operand(1);
            }
            16 => {
                self.name();
                self.push(" = ");
                self.one_of(FUNCTIONS);
                self.push("(\n");
                for _ in 0..2 {
                    self.indent_by(1);
                    self.expr(1);
                    self.push(",\n");
                }
                self.indent_by(0);
                self.push(")");
            }
            17 | 18 if ctx.in_loop => self.one_of(&["⇲", "⇉"]),
            19 | 20 if ctx.in_func => {
                self.kw("⟲");
                self.expr(2);
            }
            21 if ctx.may_yield => {
                self.kw("⟰");
                if self.rng.chance(30) {
                    self.kw("←");
                    self.method_call(0);
                } else {
                    self.expr(1);
                }
            }
            22 | 23 if ctx.in_async => {
                self.plain_name();
                self.push(" = ");
                self.kw("⌛");
                self.method_call(1);
            }
            _ => {
                self.name();
                self.push(" = ");
                self.expr(3);
            }
        }
        self.end();
    }

    /// Picks a `'static` option (so the pick can feed a writer taking `&mut self`).
    pub fn rng_pick(&mut self, options: &[&'static str]) -> &'static str {
        self.rng.pick::<&str>(options)
    }
}
