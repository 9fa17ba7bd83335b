//! f-string replacement fields: their expressions hold symbols, and follow Python 3.11's
//! rules (no backslash, no `#`, strings only in the other quote, one level of nesting).

use super::state::Gen;
use super::strings::Quote;
use super::words::{FORMAT_SPECS, NAMES};

impl Gen {
    /// `{expr}` with maybe `!r`, `=`, a format spec or a nested field in the spec.
    pub(super) fn field(&mut self, quote: Quote, nested: bool) {
        self.push("{");
        self.field_expr(quote.other(), nested);
        match self.rng.below(10) {
            0 => self.push("!r"),
            1 => self.push("="),
            2 => {
                self.push(":");
                let spec = *self.rng.pick(FORMAT_SPECS);
                self.push(spec);
            }
            3 => {
                self.push(":>{");
                self.name();
                self.push("}");
            }
            4 => self.push("!s:^{ℓ(items)}"),
            _ => {}
        }
        self.push("}");
    }

    /// An f-string replacement field's expression: no backslashes, no `#`, strings only in
    /// the `other` quote, nothing starting with `{` (Python 3.11 rules).
    fn field_expr(&mut self, other: char, nested: bool) {
        match self.rng.below(12) {
            0 | 1 => self.name(),
            2 | 3 => {
                self.one_of(&["ℓ", "∑", "∣", "τ"]);
                self.push("(");
                self.name();
                self.push(")");
            }
            4 => {
                self.name();
                self.op("¿");
                self.name();
                self.op("⋄");
                self.one_of(&["Ø", "0", "ℓ(x)"]);
            }
            5 => {
                self.name();
                let op = self.rng_pick(&["∈", "∧", "∨", "≡"]);
                self.op(op);
                self.name();
            }
            6 if nested => {
                self.push("d.get(");
                self.simple_string(other);
                self.push(", Ø)");
            }
            7 if nested => self.fstring(other, false),
            8 => {
                self.push("[v * 2");
                self.op("∀");
                self.push("v");
                self.op("∈");
                self.name();
                self.push("]");
            }
            9 => {
                self.one_of(NAMES);
                self.one_of(&[" + 1", " != 0", ".count", "[0]"]);
            }
            _ => {
                self.kw("¬");
                self.name();
            }
        }
    }
}
