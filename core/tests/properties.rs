//! Property tests: no input makes any entry point panic, Python → φ → Python gives back
//! the same bytes for token soups of valid-ish Python, and φ → Python keeps every line
//! (output line N is input line N, with the same line ending).
#![allow(clippy::unwrap_used)]

use phicode_core::testing::assert_map_answers;
use phicode_core::{Dialect, Options, SourceMap, Strictness, SymbolTable};
use phicode_core::{check, is_code_at, to_phicode, to_phicode_with, to_python, to_python_with};
use proptest::prelude::*;
use proptest::sample::select;

/// Cases per property: the file runs in a few seconds in a debug build.
fn cases(n: u32) -> ProptestConfig {
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

/// The 48 default symbols.
fn symbols() -> Vec<String> {
    SymbolTable::new().entries().iter().map(|e| e.symbol.clone()).collect()
}

/// Text made of what steers a Python lexer: quotes, prefixes, braces, backslashes, `#`,
/// every kind of line break, symbols (glued and spaced), mapped words, digits, `.`, `:`, `=`.
fn lexer_soup() -> impl Strategy<Value = String> {
    let steering = select(vec![
        "'",
        "\"",
        "'''",
        "\"\"\"",
        "{",
        "}",
        "{{",
        "}}",
        "\\",
        "#",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "f",
        "r",
        "b",
        "t",
        "u",
        "F",
        "R",
        "B",
        "rb",
        "fr",
        "tr",
        "0",
        "1",
        "9",
        ".",
        ":",
        "=",
        ":=",
        "!",
        "(",
        ")",
        "[",
        "]",
        ",",
        "x",
        "_",
        "é",
        "𝕟",
        "N",
        "if",
        "print",
        "not",
        "in",
        "is",
        "len",
        "\\N{DASH}",
    ]);
    let piece = prop_oneof![
        6 => steering.prop_map(str::to_owned),
        3 => select(symbols()),
        1 => "[a-z_]{1,6}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), lexer_soup()]
}

/// A small dialect (ASCII words, a non-ASCII word, an operator), to exercise word tables.
fn spanish() -> SymbolTable {
    let pairs = [("if", "si"), ("print", "imprimir"), ("not in", "∉"), ("numpy", "ñp")];
    Dialect::from_pairs(pairs).build(Strictness::Strict).unwrap().table
}

/// Every entry point on `src` with `table`; the round trip holds whenever Python → φ accepts.
fn exercise(src: &str, table: &SymbolTable, columns: &[u32]) {
    let lines = split_lines(src).len() as u32;
    let conversion = to_python_with(src, table, Options { source_map: true });
    assert_eq!(conversion.code, to_python(src, table));
    assert_eq!(conversion.diagnostics, check(src, table));
    assert_map_answers(conversion.source_map.as_ref().unwrap(), lines, columns);
    for &column in columns {
        is_code_at(src, table, column as usize);
    }
    if let Ok(back) = to_phicode_with(src, table, Options { source_map: true }) {
        assert_eq!(to_python(&back.code, table), src);
        assert_map_answers(back.source_map.as_ref().unwrap(), lines, columns);
    }
}

proptest! {
    #![proptest_config(cases(384))]

    #[test]
    fn no_text_makes_a_conversion_panic(
        src in any_text(),
        columns in prop::collection::vec(any::<u32>(), 1..6),
    ) {
        let mut columns = columns;
        columns.extend([0, 1, 2, 7, u32::MAX]);
        exercise(&src, &SymbolTable::new(), &columns);
        exercise(&src, &spanish(), &columns);
    }
}

/// Keys and values a dialect config may hold, good and bad.
#[cfg(feature = "json")]
fn json_atom() -> impl Strategy<Value = String> {
    let atoms = select(vec![
        "\"if\"",
        "\"print\"",
        "\"numpy\"",
        "\"not in\"",
        "\"is not\"",
        "\":=\"",
        "\"si\"",
        "\"¿\"",
        "\"∉\"",
        "\"𝕟\"",
        "\"\"",
        "\" \"",
        "\"a b\"",
        "\"#\"",
        "\"(\"",
        "\"'\"",
        "\"\\\"\"",
        "\"\\u00e9\"",
        "\"\\ud800\"",
        "\"x.y\"",
        "\"9\"",
        "\"λ\"",
        "5",
        "null",
        "true",
        "[]",
        "{}",
        "\"café\"",
    ]);
    prop_oneof![3 => atoms.prop_map(str::to_owned), 1 => "\"[^\"\\\\]{0,4}\""]
}

#[cfg(feature = "json")]
fn dialect_config() -> impl Strategy<Value = String> {
    let entry = (json_atom(), json_atom()).prop_map(|(k, v)| format!("{k}: {v}"));
    prop::collection::vec(entry, 0..8)
        .prop_map(|entries| format!("{{\"symbols\": {{{}}}}}", entries.join(", ")))
}

#[cfg(feature = "json")]
proptest! {
    #![proptest_config(cases(384))]

    #[test]
    fn no_dialect_config_makes_parsing_or_building_panic(
        text in prop_oneof![any::<String>(), dialect_config()],
        src in lexer_soup(),
    ) {
        if let Ok(dialect) = Dialect::from_json(&text) {
            let lenient = dialect.build(Strictness::Lenient).unwrap();
            if let Ok(strict) = dialect.build(Strictness::Strict) {
                prop_assert!(lenient.warnings.is_empty());
                prop_assert_eq!(strict.table.entries(), lenient.table.entries());
            }
            exercise(&src, &lenient.table, &[1, 3]);
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn no_dialect_pairs_make_building_panic(
        pairs in prop::collection::vec((any_text(), any_text()), 0..6),
        src in lexer_soup(),
    ) {
        let dialect = Dialect::from_pairs(pairs.iter().map(|(p, s)| (p.as_str(), s.as_str())));
        let lenient = dialect.build(Strictness::Lenient).unwrap();
        let _ = dialect.build(Strictness::Strict);
        exercise(&src, &lenient.table, &[1, 2]);
    }
}

/// Token soups of valid-ish Python, joined so that no two identifier-like tokens touch.
mod python_tokens {
    use proptest::prelude::*;
    use proptest::sample::select;

    const NAMES: &[&str] = &[
        "x", "y_1", "data", "café", "_", "Ω", "numpy", "if", "else", "for", "in", "not", "is",
        "print", "len", "lambda", "match", "case", "type", "True", "None", "async", "await",
        "return", "def", "class", "pass", "sum", "from", "import", "as",
    ];
    const NUMBERS: &[&str] = &["0", "42", "3.14", "1e5", "0x1F", "1_000", "2j", ".5"];
    const OPERATORS: &[&str] = &[
        "+", "-", "*", "==", "!=", "(", ")", "[", "]", "{", "}", ",", ":", ":=", "->", "**", "@",
        ";", "=", "<", ">=", "...",
    ];
    const ATTRIBUTES: &[&str] = &["obj.print", "self.len", "a.if", "x.not", "np.max", "re.match"];
    const BREAKS: &[&str] = &["\n", "\n", "\r\n", "\\\n", "\r", "\n    "];
    const WORDS: &[&str] = &[
        "if",
        "print",
        "hello",
        "¿",
        "π",
        "é",
        " ",
        "x",
        "#",
        "{",
        "}",
        "'",
        "\"",
        "\\n",
        "\\\\",
        "\\'",
        "\\\"",
        "\\N{DASH}",
    ];
    const PREFIXES: &[&str] =
        &["", "", "", "r", "b", "rb", "Rb", "u", "f", "F", "rf", "fR", "t", "tr", "Br"];

    fn is_ident(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    /// Joins tokens: a space where two identifier characters or two quotes would touch,
    /// otherwise a space or nothing.
    fn join(tokens: Vec<(String, bool)>) -> String {
        let mut out = String::new();
        for (token, spaced) in tokens {
            let (last, first) = (out.chars().next_back(), token.chars().next());
            let quote = |c: Option<char>| c.is_some_and(|c| c == '\'' || c == '"');
            // `""` then `"x"` would read as `"""x"`: quotes never touch either.
            let touch = (last.is_some_and(is_ident) && first.is_some_and(is_ident))
                || (quote(last) && quote(first));
            if !out.is_empty() && (touch || spaced) && !out.ends_with(['\n', '\r', ' ']) {
                out.push(' ');
            }
            out.push_str(&token);
        }
        out
    }

    fn simple() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => select(NAMES).prop_map(str::to_owned),
            1 => select(NUMBERS).prop_map(str::to_owned),
            3 => select(OPERATORS).prop_map(str::to_owned),
        ]
    }

    /// A replacement field: code tokens, a string in the other quote, or a nested
    /// f-string; then a conversion or format spec.
    fn field(other: char) -> impl Strategy<Value = String> {
        let code = prop::collection::vec((simple(), any::<bool>()), 1..5)
            .prop_map(|t| join(t).replace(['{', '}', '(', ')', '[', ']', ':', '!', '='], " "));
        let tail = select(vec!["", "!r", ":>10", ":if", ":{len}", ":>{x}", "=", "!s:^{print}"]);
        let string =
            select(vec!["if", "print", "¿ x"]).prop_map(move |w| format!("{other}{w}{other}"));
        let nested = select(vec!["len(x)", "if", "print"])
            .prop_map(move |w| format!("f{other}{{{w}}}{other}"));
        (prop_oneof![4 => code, 1 => string, 1 => nested], tail)
            .prop_map(|(expr, tail)| format!("{{{expr}{tail}}}"))
    }

    fn string() -> impl Strategy<Value = String> {
        let quote = select(vec!["'", "\"", "'''", "\"\"\""]);
        (select(PREFIXES), quote).prop_flat_map(|(prefix, quote)| {
            let ch = quote.chars().next().unwrap_or('\'');
            let other = if ch == '"' { '\'' } else { '"' };
            let word = select(WORDS).prop_map(move |w| match w {
                // A bare quote of the string's own kind would end it, a lone brace would
                // open a field: keep the other quote, double the braces.
                "'" | "\"" => other.to_string(),
                "{" => "{{".into(),
                "}" => "}}".into(),
                w => w.into(),
            });
            let piece = prop_oneof![3 => word, 1 => field(other)];
            prop::collection::vec(piece, 0..6)
                .prop_map(move |pieces| format!("{prefix}{quote}{}{quote}", pieces.concat()))
        })
    }

    fn comment() -> impl Strategy<Value = String> {
        prop::collection::vec(select(WORDS), 0..5).prop_map(|w| format!("# {}\n", w.concat()))
    }

    /// A source of 0–40 tokens.
    pub fn source() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            8 => simple(),
            2 => select(ATTRIBUTES).prop_map(str::to_owned),
            3 => string(),
            1 => comment(),
            2 => select(BREAKS).prop_map(str::to_owned),
        ];
        prop::collection::vec((token, any::<bool>()), 0..40).prop_map(join)
    }
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn python_round_trips_through_phicode(src in python_tokens::source()) {
        for table in [SymbolTable::new(), spanish()] {
            let phi = to_phicode(&src, &table);
            prop_assert!(phi.is_ok(), "refused {:?}: {:?}", src, phi);
            prop_assert_eq!(to_python(&phi.unwrap(), &table), src.clone());
        }
    }

    #[test]
    fn phicode_to_python_keeps_every_line(src in lexer_soup()) {
        let python = to_python(&src, &SymbolTable::new());
        let (phi_lines, py_lines) = (split_lines(&src), split_lines(&python));
        prop_assert_eq!(phi_lines.len(), py_lines.len());
        let symbols = symbols();
        for ((phi, phi_end), (py, py_end)) in phi_lines.iter().zip(&py_lines) {
            prop_assert_eq!(phi_end, py_end);
            // A line without symbols has nothing to replace: it must come out unchanged.
            if !symbols.iter().any(|s| phi.contains(s.as_str())) {
                prop_assert_eq!(phi, py);
            }
        }
    }
}

/// A dialect whose one word never occurs in the test inputs: converting with it forces the
/// general lexer (a table with words never skims), which must agree with the fast path.
fn general_lexer_table() -> SymbolTable {
    Dialect::from_pairs([("print", "qqqqqqqqq")]).build(Strictness::Strict).unwrap().table
}

proptest! {
    #![proptest_config(cases(384))]

    /// Long soups, so the 64-byte fast path runs (it leaves each source's last 96 bytes to
    /// the general lexer): text, symbols used, diagnostics and column maps all agree.
    #[test]
    fn fast_path_agrees_with_the_general_lexer(
        parts in prop::collection::vec(lexer_soup(), 2..10),
        filler in 0usize..80,
    ) {
        let src = parts.join(&" ".repeat(filler));
        prop_assume!(!src.contains("qqqqqqqqq"));
        let options = Options { source_map: true };
        let fast = to_python_with(&src, &SymbolTable::new(), options);
        let general = to_python_with(&src, &general_lexer_table(), options);
        prop_assert_eq!(fast, general);
    }
}

/// The characters `column..column + len` (1-based) of line `line` (1-based).
fn slice(lines: &[(&str, &str)], line: u32, column: u32, len: u32) -> String {
    let text = lines.get(line as usize - 1).map_or("", |l| l.0);
    text.chars().skip(column as usize - 1).take(len as usize).collect()
}

/// Every segment of `map` covers a symbol of `phi` and its Python text (spaces around it
/// allowed) in `python`, at the columns it claims.
fn segments_point_at_their_texts(phi: &str, python: &str, map: &SourceMap, table: &SymbolTable) {
    let (phi_lines, py_lines) = (split_lines(phi), split_lines(python));
    for line in map.lines() {
        for s in line.segments {
            let symbol = slice(&phi_lines, line.line, s.phicode_column, s.phicode_len);
            let text = slice(&py_lines, line.line, s.python_column, s.python_len);
            let entry = table.by_symbol(&symbol);
            assert!(entry.is_some(), "no symbol {symbol:?} at {}:{}", line.line, s.phicode_column);
            assert_eq!(text.trim(), entry.unwrap().python, "at {}:{}", line.line, s.python_column);
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn column_maps_point_at_symbols_and_their_python(
        parts in prop::collection::vec(lexer_soup(), 1..6),
    ) {
        let src = parts.concat();
        for table in [SymbolTable::new(), spanish()] {
            let conversion = to_python_with(&src, &table, Options { source_map: true });
            let map = conversion.source_map.as_ref().unwrap();
            segments_point_at_their_texts(&src, &conversion.code, map, &table);
            if let Ok(back) = to_phicode_with(&conversion.code, &table, Options { source_map: true }) {
                let map = back.source_map.as_ref().unwrap();
                segments_point_at_their_texts(&back.code, &conversion.code, map, &table);
            }
        }
    }
}

/// Lines of a text with their endings (`\n`, `\r\n`, lone `\r`, or "" for the last one).
fn split_lines(text: &str) -> Vec<(&str, &str)> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r']) {
        let end = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        lines.push((&rest[..at], &rest[at..at + end]));
        rest = &rest[at + end..];
    }
    lines.push((rest, ""));
    lines
}
