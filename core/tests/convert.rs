//! Behaviour of both conversions through the public API.

use phicode_core::{Dialect, LexError, Options, Position, RoundTripError, Strictness, SymbolTable};
use phicode_core::{to_phicode, to_python, to_python_with};

fn py(src: &str) -> String {
    to_python(src, &SymbolTable::new())
}

fn phi(src: &str) -> String {
    to_phicode(src, &SymbolTable::new()).expect("round-trippable")
}

#[test]
fn glued_symbols_become_separate_tokens() {
    assert_eq!(py("¿x∈xs∧¬y:"), "if x in xs and not y:");
    assert_eq!(py("λx: x"), "lambda x: x");
    assert_eq!(py("¬∈"), "not in");
    assert_eq!(py("ƒfoo(): ⟲1"), "def foo(): return 1");
    assert_eq!(py("x≔5"), "x:=5");
    assert_eq!(py("a≡¬Ø"), "a is not None");
    assert_eq!(py("x=1¿c⋄2"), "x=1 if c else 2");
    assert_eq!(py("π(x)"), "print(x)");
    assert_eq!(py("aπb"), "a print b");
    assert_eq!(py("café¿"), "café if");
}

#[test]
fn strings_and_comments_are_untouched() {
    assert_eq!(py("π('¿ ∀')  # ∀ ¿"), "print('¿ ∀')  # ∀ ¿");
    assert_eq!(py(r#"x = "a \" ¿" ¿ y"#), r#"x = "a \" ¿" if y"#);
    assert_eq!(py("x = '''¿\n∀'''\n∀"), "x = '''¿\n∀'''\nfor");
    assert_eq!(py("x = 'a\\\n¿' ∀"), "x = 'a\\\n¿' for");
    assert_eq!(py("rb'\\'¿' ∀"), "rb'\\'¿' for");
}

#[test]
fn fstring_fields_are_code() {
    assert_eq!(py(r#"f"{ℓ(xs)} ℓ""#), r#"f"{len(xs)} ℓ""#);
    assert_eq!(py(r#"f"{x:>{ℓ(y)}} {{ℓ}}""#), r#"f"{x:>{len(y)}} {{ℓ}}""#);
    assert_eq!(py(r#"f"{f"{ℓ(a)}"}""#), r#"f"{f"{len(a)}"}""#);
    assert_eq!(py(r#"f"{'ℓ' ¿ c ⋄ ℓ(x)}""#), r#"f"{'ℓ' if c else len(x)}""#);
    assert_eq!(py(r#"f"{x!r:ℓ}" ℓ"#), r#"f"{x!r:ℓ}" len"#);
    assert_eq!(py(r#"t"{ℓ(x)}""#), r#"t"{len(x)}""#);
    assert_eq!(py("f'''{\nℓ(x) # ℓ\n}''' ℓ"), "f'''{\nlen(x) # ℓ\n}''' len");
    assert_eq!(py(r#"f"\N{DASH}{ℓ}""#), r#"f"\N{DASH}{len}""#);
    assert_eq!(py(r#"rf"\N{ℓ}""#), r#"rf"\N{len}""#);
}

#[test]
fn unterminated_strings_end_at_their_line() {
    let conversion =
        to_python_with("x = 'abc ¿\n¿ y: ⋯\n", &SymbolTable::new(), Options::default());
    assert_eq!(conversion.code, "x = 'abc ¿\nif y: pass\n");
    let error = &conversion.diagnostics[0];
    assert_eq!(error.error, LexError::UnterminatedString);
    assert_eq!(error.position, Position { line: 1, column: 5 });
    // PEP 701: a field of a single-quoted f-string may span lines; its text stays literal.
    assert_eq!(py("b = f\"{x\n} ¿ ℓ\" ¿ c"), "b = f\"{x\n} ¿ ℓ\" if c");
    assert_eq!(py("f'{x!→↦}' ∧ f'{x!r}'"), "f'{x!→as}' and f'{x!r}'");
}

#[test]
fn crlf_and_line_structure_survive() {
    assert_eq!(py("¿ x:\r\n    π(1)\r\n"), "if x:\r\n    print(1)\r\n");
}

#[test]
fn python_to_phicode_skips_attributes_strings_comments() {
    assert_eq!(phi("for i in range(3): print(i)"), "∀ i ∈ ⟪(3): π(i)");
    assert_eq!(phi("re.match(x)  # if"), "re.match(x)  # if");
    assert_eq!(phi("d = {'if': 1}"), "d = {'if': 1}");
    assert_eq!(phi("if (y := f(x)):"), "¿ (y ≔ f(x)):");
    assert_eq!(phi("from . import x"), "← . ⇒ x");
    assert_eq!(phi("x not in y"), "x ¬ ∈ y");
    assert_eq!(phi("f'{len(x)}'"), "f'{ℓ(x)}'");
}

#[test]
fn python_to_phicode_refuses_what_cannot_round_trip() {
    let err = to_phicode("x = 1\nπ = 3.14", &SymbolTable::new()).unwrap_err();
    assert_eq!(err.problems[0].position, Position { line: 2, column: 1 });
    assert!(matches!(err.problems[0].error, RoundTripError::SymbolInName { .. }));
    let err = to_phicode("x = 1if y else 2", &SymbolTable::new()).unwrap_err();
    assert!(matches!(err.problems[0].error, RoundTripError::GluedWord { .. }));
}

#[test]
fn dialect_words_replace_whole_names_only() {
    let dialect = Dialect::from_pairs([("if", "si"), ("print", "imprimir"), ("not in", "∉")]);
    let built = dialect.build(Strictness::Strict).expect("valid dialect");
    let table = built.table;
    assert_eq!(
        to_python("si six: imprimir(x.si, 'si') # si", &table),
        "if six: print(x.si, 'si') # si"
    );
    assert_eq!(to_python("si a∉b: ⋯", &table), "if a not in b: pass");
    assert_eq!(to_phicode("if a not in b: print(1)", &table).unwrap(), "si a ∉ b: imprimir(1)");
    assert!(to_phicode("si = 1", &table).is_err());
    let walrus = Dialect::from_pairs([(":=", "walrus")]).build(Strictness::Strict).expect("valid");
    assert!(to_phicode("y = (n:=1)", &walrus.table).is_err());
    assert_eq!(to_phicode("y = (n := 1)", &walrus.table).unwrap(), "y = (n walrus 1)");
    assert_eq!(to_python("y = (n walrus 1)", &walrus.table), "y = (n := 1)");
}

#[cfg(feature = "json")]
#[test]
fn dialect_issues_point_at_keys_and_values() {
    let json = "{\"symbols\": {\n  \"x y\": \"q\",\n  \"if\": \"∀\"\n}}";
    let dialect = Dialect::from_json(json).expect("valid JSON");
    let warnings = dialect.build(Strictness::Lenient).expect("lenient").warnings;
    assert_eq!(warnings[0].position, Position { line: 2, column: 3 });
    assert_eq!(warnings[1].position, Position { line: 3, column: 9 });
}

#[cfg(feature = "json")]
#[test]
fn malformed_json_is_reported_at_its_character_column_once() {
    // serde_json counts the column in bytes (`∀` is 3); the position counts characters.
    let error = Dialect::from_json("{\"symbols\": {\"∀\": oops}}").expect_err("malformed");
    assert_eq!(error.position, Position { line: 1, column: 19 }); // `oops`
    assert_eq!(error.message, "expected value");
    assert_eq!(error.to_string(), "1:19: expected value");
}

#[test]
fn dialect_symbols_that_could_not_round_trip_are_refused() {
    for (python, symbol) in [("numpy", "?"), ("numpy", "→→"), ("x", "a→"), ("x", "aπ")] {
        let built =
            Dialect::from_pairs([(python, symbol)]).build(Strictness::Lenient).expect("lenient");
        assert_eq!(built.warnings.len(), 1, "{python} → {symbol}");
        assert!(built.table.by_symbol(symbol).is_none());
    }
}

#[test]
fn a_word_symbol_that_is_a_string_prefix_never_meets_a_quote() {
    let table = Dialect::from_pairs([("if", "f"), ("tuple", "T")])
        .build(Strictness::Strict)
        .expect("valid")
        .table;
    assert!(to_phicode("if\"x\": pass", &table).is_err());
    assert_eq!(to_phicode("if x: t = tuple(y)", &table).unwrap(), "f x: t = T(y)");
    assert_eq!(
        to_python("f x: t = T(y); s = f\"{x}\"", &table),
        "if x: t = tuple(y); s = f\"{x}\""
    );
}

#[test]
fn dialect_words_after_a_symbol_and_a_dot_stay_attributes() {
    let table =
        Dialect::from_pairs([("append", "añadir")]).build(Strictness::Strict).expect("valid").table;
    let python = "x = True.append\ny = None.append\nfrom . import z\n";
    let phi = to_phicode(python, &table).expect("round-trippable");
    assert_eq!(phi, "x = ✓.append\ny = Ø.append\n← . ⇒ z\n");
    assert_eq!(to_python(&phi, &table), python);
    assert_eq!(to_python("x = ✓.añadir", &table), "x = True.añadir");
}

#[test]
fn a_dot_before_a_bare_line_break_makes_no_attribute() {
    // Found by the dialect fuzzer: the dot ends an unterminated string whose text reads
    // `True.` in φ; both directions must still agree that `if` below is code.
    let table = Dialect::from_pairs([("if", "s")]).build(Strictness::Strict).expect("valid").table;
    for python in ["x = 'a ✓.\rif y: pass\r", "# ✓.\nif y: pass", "v = (obj.\n     print)"] {
        let phi = to_phicode(python, &table).expect("round-trippable");
        assert_eq!(to_python(&phi, &table), python, "{phi:?}");
    }
    assert_eq!(phi("v = (obj.\n     print)"), "v = (obj.\n     π)");
    assert_eq!(phi("u = obj.\\\n    print"), "u = obj.\\\n    print");
    assert_eq!(phi("u = 1  # obj.\\\nprint"), "u = 1  # obj.\\\nπ");
}

#[test]
fn a_word_walrus_never_fuses_with_the_one_before() {
    // Found by the dialect fuzzer: `:=:=` became one name `ww` with the word `w` for `:=`.
    let table = Dialect::from_pairs([(":=", "艝")]).build(Strictness::Strict).expect("valid").table;
    let refused = to_phicode("f(:=:=)", &table).expect_err("would fuse");
    assert_eq!(refused.problems.len(), 1);
    // And after a word that became a glue symbol: `≡艝` would come back as `is :=`.
    assert!(to_phicode("x is:=y", &table).is_err());
    assert!(matches!(refused.problems[0].error, RoundTripError::GluedWord { .. }));
    assert_eq!(refused.problems[0].position, Position { line: 1, column: 5 });
    let phi = to_phicode("(y := 1) + (z := 2)", &table).expect("spaced");
    assert_eq!(phi, "(y 艝 1) + (z 艝 2)");
    assert_eq!(to_python(&phi, &table), "(y := 1) + (z := 2)");
}

#[test]
fn letters_of_a_conversion_never_prefix_the_next_string() {
    // Found by the dialect fuzzer: in φ, `Ø` splits `Øt` and `t"` read as a t-string, while
    // in Python `Øt` is one name; the letters after `!` are the conversion in both.
    let table = SymbolTable::new();
    let python = "t\"{!Øt\"{\"\"\"is";
    if let Ok(phi) = to_phicode(python, &table) {
        assert_eq!(to_python(&phi, &table), python, "{phi:?}");
    }
    let src = "\"\"s\"\"a\"\"t\"{!Øt\"{\"\"\"is";
    let py = to_python(src, &table);
    let phi = to_phicode(&py, &table).expect("round-trippable");
    assert_eq!(to_python(&phi, &table), py);
}

#[test]
fn column_map_points_back_at_symbols() {
    let conversion =
        to_python_with("¿x∈y: π(z)", &SymbolTable::new(), Options { source_map: true });
    assert_eq!(conversion.code, "if x in y: print(z)");
    let map = conversion.source_map.expect("asked for");
    let at = |line, column| Position { line, column };
    assert_eq!(map.to_phicode(at(1, 18)), at(1, 9)); // `z`
    assert_eq!(map.to_phicode(at(1, 13)), at(1, 7)); // inside `print`
    assert_eq!(map.to_python(at(1, 9)), at(1, 18));
}

#[test]
fn a_source_without_symbols_has_an_empty_map() {
    let conversion =
        to_python_with("x = '∀'  # ¿\n", &SymbolTable::new(), Options { source_map: true });
    let map = conversion.source_map.expect("asked for");
    assert!(map.is_empty() && map.lines().len() == 0);
    let at = Position { line: 1, column: 9 };
    assert_eq!(map.to_python(at), at);
}

#[test]
fn column_map_lists_only_lines_with_symbols_each_with_its_own_segments() {
    let src = "¿ x:\n    pass\n\n∀ a ∈ b: π(a)\n";
    let conversion = to_python_with(src, &SymbolTable::new(), Options { source_map: true });
    let map = conversion.source_map.expect("asked for");
    type Columns = (u32, u32, u32, u32);
    let lines: Vec<(u32, Vec<Columns>)> = map
        .lines()
        .map(|l| {
            let segments = l.segments.iter();
            (
                l.line,
                segments
                    .map(|s| (s.phicode_column, s.phicode_len, s.python_column, s.python_len))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [(1, vec![(1, 1, 1, 2)]), (4, vec![(1, 1, 1, 3), (5, 1, 7, 2), (10, 1, 13, 5)])]
    );
    assert_eq!(map.lines().len(), 2);
    assert!(!map.is_empty());
    assert_eq!(map.line(4).map(|l| l.segments.len()), Some(3));
    assert!(map.line(2).is_none() && map.line(5).is_none());
    assert_eq!(map.to_python(Position { line: 2, column: 5 }), Position { line: 2, column: 5 });
}

#[test]
fn a_symbol_after_a_non_name_character_gets_no_space() {
    let table = SymbolTable::new();
    assert_eq!(to_python("e⤖¿x", &table), "e⤖if x");
    assert_eq!(to_python("größe¿x", &table), "größe if x");
}

#[test]
fn a_dialect_past_the_table_limit_says_so_once_and_never_maps_a_word_to_another() {
    // Entries are numbered with u16: past the limit an index used to wrap, and `imprimir`
    // became `word4464`. Building a dialect this large also used to take minutes.
    let count = 70_000;
    let mut pairs: Vec<(String, String)> =
        (0..count).map(|i| (format!("word{i}"), format!("w{i}x"))).collect();
    pairs.push(("print".into(), "imprimir".into()));
    let dialect = Dialect::from_pairs(pairs.iter().map(|(p, s)| (p.as_str(), s.as_str())));
    let built = dialect.build(Strictness::Lenient).expect("lenient");
    let limits: Vec<(usize, usize)> = built
        .warnings
        .iter()
        .filter_map(|w| match &w.error {
            phicode_core::DialectIssue::TooMany { limit, left_out, .. } => {
                Some((*limit, *left_out))
            }
            _ => None,
        })
        .collect();
    assert_eq!(limits.len(), 1, "{:?}", built.warnings.len());
    let (limit, left_out) = limits[0];
    assert_eq!(limit + left_out, count + 1);
    let table = built.table;
    let last_in = limit - 1;
    let code = format!("w0x(1); w{last_in}x(2); imprimir(3)\n");
    assert_eq!(
        phicode_core::to_python(&code, &table),
        format!("word0(1); word{last_in}(2); imprimir(3)\n")
    );
}
