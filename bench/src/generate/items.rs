//! Top-level items: functions, async functions, classes, closures, imports, statements.

use super::state::{Ctx, Gen};
use super::words::{CLASSES, FUNCTIONS, PARAMS};

impl Gen {
    /// One top-level item followed by one or two blank lines.
    pub fn top_level_item(&mut self) {
        match self.rng.below(100) {
            0..=29 => self.function(false, ""),
            30..=39 => self.function(true, ""),
            40..=54 => self.class(),
            55..=59 => self.closure(),
            60..=65 => self.imports(),
            66..=69 => {
                for _ in 0..2 + self.rng.below(2) {
                    self.comment_text();
                    self.push("\n");
                }
            }
            70..=71 => {
                self.header("¿", |g| g.push("__name__ == \"__main__\""));
                self.block(Ctx::default());
            }
            _ => {
                for _ in 0..1 + self.rng.below(3) {
                    self.stmt(Ctx::default());
                }
            }
        }
        let blank = if self.rng.chance(50) { "\n" } else { "\n\n" };
        self.push(blank);
    }

    /// `ƒ name(params):` (or `⟳ ƒ`) with docstring, `⟁`, statements and a `⟲`.
    fn function(&mut self, is_async: bool, first_param: &str) {
        if self.rng.chance(20) {
            self.begin();
            self.one_of(&["@functools.lru_cache(maxsize=128)", "@property", "@staticmethod"]);
            self.push("\n");
        }
        self.begin();
        if is_async {
            self.kw("⟳");
        }
        self.kw("ƒ");
        self.one_of(FUNCTIONS);
        let id = self.fresh();
        self.push(&format!("_{id}({first_param}"));
        self.one_of(PARAMS);
        self.push("):");
        self.end();
        let ctx = Ctx {
            in_func: true,
            in_async: is_async,
            may_yield: !is_async && self.rng.chance(25),
            ..Ctx::default()
        };
        self.indent += 1;
        if self.rng.chance(40) {
            self.docstring();
        }
        if self.rng.chance(10) {
            self.begin();
            self.kw("⟁");
            self.push("_registry");
            self.end();
        }
        self.indent -= 1;
        self.block(ctx);
        if self.rng.chance(60) {
            self.indent += 1;
            self.begin();
            self.kw("⟲");
            self.expr(2);
            self.end();
            self.indent -= 1;
        }
    }

    fn class(&mut self) {
        self.begin();
        self.kw("ℂ");
        self.one_of(CLASSES);
        let id = self.fresh();
        self.push(&format!("_{id}"));
        self.one_of(&["", "(Base)", "(Exception)", "(metaclass=ABCMeta)"]);
        self.push(":");
        self.end();
        self.indent += 1;
        self.docstring();
        self.begin();
        self.push("kind = ");
        self.string();
        self.end();
        for _ in 0..1 + self.rng.below(3) {
            self.push("\n");
            let is_async = self.rng.chance(15);
            self.function(is_async, "self, ");
        }
        self.indent -= 1;
    }

    /// A function with an inner one that rebinds a local of it via `∇` (nonlocal).
    pub fn closure(&mut self) {
        let id = self.fresh();
        self.begin();
        self.kw("ƒ");
        self.push(&format!("make_counter_{id}():"));
        self.end();
        self.indent += 1;
        for line in ["_calls = 0", "ƒ bump(step=1):"] {
            self.begin();
            self.push(line);
            self.end();
        }
        self.indent += 1;
        self.begin();
        self.kw("∇");
        self.push("_calls");
        self.end();
        for line in ["_calls += step", "⟲ _calls"] {
            self.begin();
            self.push(line);
            self.end();
        }
        self.indent -= 1;
        self.begin();
        self.kw("⟲");
        self.push("bump");
        self.end();
        self.indent -= 1;
    }

    fn imports(&mut self) {
        for _ in 0..1 + self.rng.below(3) {
            self.begin();
            match self.rng.below(4) {
                0 => {
                    self.kw("⇒");
                    self.one_of(&["os", "sys", "re", "functools", "numpy ↦ np"]);
                }
                1 => {
                    self.kw("←");
                    self.push("collections");
                    self.op("⇒");
                    self.push("OrderedDict");
                    self.op("↦");
                    self.push("OD");
                }
                2 => self.push("← typing ⇒ (\n    Any,\n    Optional,  # ¿ stays\n)"),
                _ => {
                    self.kw("←");
                    self.push(". ");
                    self.kw("⇒");
                    self.push("sibling");
                }
            }
            self.end();
        }
    }
}
