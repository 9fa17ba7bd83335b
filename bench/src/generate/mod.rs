//! A deterministic generator of realistic φ source for benchmarks and tests.
//!
//! The output is mostly ASCII code laid out like real modules (functions, classes, loops,
//! `try`, `match`, comprehensions), with a φ symbol every few tokens, all 48 of them, both
//! glued (`¿x∈xs:`) and spaced (`¿ x ∈ xs:`); strings of every form (quotes, triple quotes,
//! `r`/`b`/`u`/`f` prefixes, escapes, f-strings whose fields hold symbols and nested
//! fields); comments and docstrings with symbols and non-ASCII text. Its Python (via
//! `phicode_core::to_python`) compiles with CPython 3.11, so it needs neither t-strings nor
//! PEP 701 quote reuse.

mod calls;
mod compound;
mod expr;
mod fields;
mod items;
mod state;
mod stmt;
mod strings;
mod words;

use state::Gen;

/// Generates exactly `size_bytes` bytes of φ source (UTF-8) for `seed`: the same
/// arguments always give the same text. The tail is padded with ASCII comment lines so the
/// length is exact.
pub fn generate(size_bytes: usize, seed: u64) -> String {
    let mut generator = Gen::new(seed);
    loop {
        let mark = generator.out.len();
        generator.top_level_item();
        if generator.out.len() > size_bytes {
            generator.out.truncate(mark);
            break;
        }
    }
    pad(&mut generator.out, size_bytes);
    generator.out
}

/// Fills `out` up to `size` bytes with comment lines of at most 72 bytes.
fn pad(out: &mut String, size: usize) {
    const FILLER: &str = "# padding to the requested size: generated module ends here ........";
    while out.len() < size {
        let gap = size - out.len();
        match gap {
            1 => out.push('\n'),
            _ => {
                let body = (gap - 1).min(FILLER.len());
                // Leave room for a last line of at least "#\n" when this one cannot end it.
                let body = if gap - 1 - body == 1 { body - 1 } else { body };
                out.push_str(&FILLER[..body]);
                out.push('\n');
            }
        }
    }
}
