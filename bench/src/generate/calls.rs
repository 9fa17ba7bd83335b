//! Calls, comprehensions and collection displays: the expressions built around others.

use super::state::Gen;
use super::words::{ATTRIBUTES, FUNCTIONS, OBJECTS};

/// Builtins that have a symbol, with how many arguments they take here.
const BUILTINS: &[(&str, usize)] =
    &[("ℓ", 1), ("∑", 1), ("⭱", 2), ("⭳", 2), ("∣", 1), ("τ", 1), ("⟪", 1), ("№", 1), ("⨅", 2)];

impl Gen {
    /// A builtin's symbol called with its arguments.
    pub(super) fn builtin_call(&mut self, depth: u32) {
        let (symbol, arity) = *self.rng.pick(BUILTINS);
        self.push(symbol);
        self.push("(");
        for arg in 0..arity {
            if arg > 0 {
                self.push(", ");
            }
            self.expr(depth);
        }
        self.push(")");
    }

    /// `obj.method(args)` or a generated function's call.
    pub fn method_call(&mut self, depth: u32) {
        if self.rng.chance(50) {
            self.one_of(OBJECTS);
            self.push(".");
            self.one_of(ATTRIBUTES);
        } else {
            self.one_of(FUNCTIONS);
        }
        self.push("(");
        let args = self.rng.below(4);
        for arg in 0..args {
            if arg > 0 {
                self.push(", ");
            }
            if arg == 2 {
                self.push("key=");
            }
            self.expr(depth);
        }
        self.push(")");
    }

    /// A list, set or generator comprehension, sometimes filtered.
    pub(super) fn comprehension(&mut self, depth: u32) {
        let (open, close) = *self.rng.pick(&[("[", "]"), ("{", "}"), ("(", ")")]);
        self.push(open);
        self.operand(depth);
        self.op("∀");
        self.push("v");
        self.op("∈");
        self.operand(depth);
        if self.rng.chance(50) {
            self.op("¿");
            self.operand(depth);
        }
        self.push(close);
    }

    /// A list, dict or one-element tuple display.
    pub(super) fn collection(&mut self, depth: u32) {
        match self.rng.below(3) {
            0 => {
                self.push("[");
                self.expr(depth);
                self.push(", ");
                self.expr(depth);
                self.push("]");
            }
            1 => {
                self.push("{");
                self.simple_string('\'');
                self.push(": ");
                self.expr(depth);
                self.push(", 'if': ⊥}");
            }
            _ => {
                self.push("(");
                self.expr(depth);
                self.push(",)");
            }
        }
    }
}
