//! Expressions: operands are atoms or parenthesised, so any mix stays valid Python.

use super::state::Gen;
use super::words::{ATTRIBUTES, NUMBERS, OBJECTS, OPERATORS};

impl Gen {
    /// Any expression, nesting at most `depth` levels.
    pub fn expr(&mut self, depth: u32) {
        if depth == 0 {
            return self.atom();
        }
        let d = depth - 1;
        match self.rng.below(21) {
            0..=5 => self.atom(),
            6 => {
                self.operand(d);
                let op = *self.rng.pick(OPERATORS);
                self.push(&format!(" {op} "));
                self.operand(d);
            }
            7 => {
                self.operand(d);
                let op = *self.rng.pick(&["∧", "∨"]);
                self.op(op);
                self.operand(d);
            }
            8 => {
                self.kw("¬");
                self.operand(d);
            }
            9 => {
                self.operand(d);
                if self.rng.chance(30) {
                    self.op("¬");
                    self.kw("∈");
                } else {
                    self.op("∈");
                }
                self.operand(d);
            }
            10 => {
                self.name();
                self.op("≡");
                self.one_of(&["Ø", "¬ Ø", "¬Ø", "✓", "⊥"]);
            }
            11 => {
                self.push("(");
                self.operand(d);
                self.op("¿");
                self.operand(d);
                self.op("⋄");
                self.operand(d);
                self.push(")");
            }
            12 | 13 => self.builtin_call(d),
            14 => self.method_call(d),
            15 => {
                self.push("(");
                self.kw("λ");
                self.one_of(&["v", "a, b=1", "*args", ""]);
                self.push(": ");
                self.operand(d);
                self.push(")");
            }
            16 => self.comprehension(d),
            17 => {
                self.name();
                self.push("[");
                self.one_of(&["0", "-1", "1:", "key", "i + 1", "::2"]);
                self.push("]");
            }
            18 => {
                self.name();
                self.push(" * 2");
            }
            _ => self.collection(d),
        }
    }

    /// An atom, or a parenthesised expression.
    pub fn operand(&mut self, depth: u32) {
        if depth == 0 || self.rng.chance(60) {
            self.atom();
        } else {
            self.push("(");
            self.expr(depth);
            self.push(")");
        }
    }

    /// Names, numbers, constants, strings, attributes, calls.
    pub fn atom(&mut self) {
        match self.rng.below(20) {
            0..=7 => self.name(),
            8..=10 => self.one_of(NUMBERS),
            11 => self.one_of(&["✓", "⊥", "Ø"]),
            12..=14 => self.string(),
            15 | 16 => {
                self.one_of(OBJECTS);
                self.push(".");
                self.one_of(ATTRIBUTES);
            }
            _ => self.builtin_call(0),
        }
    }
}
