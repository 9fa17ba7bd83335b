"""Writes the grammar corpus (the *.φ files beside this script) for vscode-tmgrammar-test:
each source line, then `#` lines whose carets sit under the named piece of the line, so no
column is counted by hand (columns are UTF-16 units, as the test runner counts them).
Run it again after changing a case: python3 corpus.py"""

import pathlib

HERE = pathlib.Path(__file__).parent


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def case(line, *checks):
    out = [line]
    for piece, nth, scopes in checks:
        start = -1
        for _ in range(nth + 1):
            start = line.index(piece, start + 1)
        col, width = u16(line[:start]), u16(piece)
        if col == 0:
            out.append(f"# <{'-' * width} {scopes}")
        else:
            out.append("#" + " " * (col - 1) + "^" * width + " " + scopes)
    return "\n".join(out)


def write(name, title, cases):
    text = f'# SYNTAX TEST "source.phicode" "{title}"\n\n' + "\n\n".join(cases) + "\n"
    (HERE / name).write_text(text)


SYM = "symbol.phicode"
write("symbols.φ", "symbols in code", [
    case("ƒ greet(names):", ("ƒ", 0, f"storage.type.function.{SYM}"), ("greet", 0, "entity.name.function.phicode")),
    case("    ∀ i, n ∈ №(names):", ("∀", 0, f"keyword.control.{SYM}"), ("∈", 0, f"keyword.operator.logical.{SYM}"), ("№", 0, f"support.function.builtin.{SYM}")),
    case("        ¿ n ∧ ¬ n.startswith('_'):", ("¿", 0, f"keyword.control.{SYM}"), ("∧", 0, f"keyword.operator.logical.{SYM}"), ("¬", 0, f"keyword.operator.logical.{SYM}"), ("'_'", 0, "string.quoted.single.phicode")),
    case("¿x∈xs∧¬y: π(ℓ(xs))", ("¿", 0, f"keyword.control.{SYM}"), ("x", 0, "source.phicode - keyword"), ("∈", 0, f"keyword.operator.logical.{SYM}"), ("π", 0, f"support.function.builtin.{SYM}"), ("ℓ", 0, f"support.function.builtin.{SYM}")),
    case("n ≔ ✓ ∨ ⊥ ∨ Ø", ("≔", 0, f"keyword.operator.logical.{SYM}"), ("✓", 0, f"constant.language.{SYM}"), ("Ø", 0, f"constant.language.{SYM}")),
    case("ℂ Shape(Base):", ("ℂ", 0, f"storage.type.class.{SYM}"), ("Shape", 0, "entity.name.type.class.phicode")),
    case("def plain(): return None", ("def", 0, "storage.type.function.phicode"), ("plain", 0, "entity.name.function.phicode"), ("return", 0, "keyword.control.phicode"), ("None", 0, "constant.language.phicode")),
    case("λ x: x ** 2  # ∀ π in a comment", ("λ", 0, f"storage.type.{SYM}"), ("# ∀ π in a comment", 0, "comment.line.number-sign.phicode - keyword support")),
])

write("strings.φ", "symbols inside strings and comments stay text", [
    case('s = "¿ ∀ π"', ('"¿ ∀ π"', 0, "string.quoted.double.phicode - keyword support")),
    case("x = 1  # ¿ ∀ π: not code", ("# ¿ ∀ π: not code", 0, "comment.line.number-sign.phicode - keyword support")),
    case("t = '''¿ triple", ("'''¿ triple", 0, "string.quoted.triple.phicode - keyword")),
    case("∀ still string''' ∀", ("∀", 0, "string.quoted.triple.phicode - keyword"), ("∀", 1, f"keyword.control.{SYM}")),
    case('r"\\d ¿" + "\\n ∀"', ("\\d", 0, "string.quoted.double.raw.phicode - constant.character.escape"), ("\\n", 0, "constant.character.escape.phicode"), ("∀", 0, "string.quoted.double.phicode - keyword")),
    case("b'∀' + U'π' + Rb'λ'", ("b", 0, "storage.type.string.phicode"), ("∀", 0, "string.quoted.single.phicode - keyword"), ("π", 0, "string.quoted.single.phicode - support"), ("λ", 0, "string.quoted.single.raw.phicode - storage")),
    case('u = "unterminated ¿', ("¿", 0, "string.quoted.double.phicode - keyword")),
    case("π('next line is code again')", ("π", 0, f"support.function.builtin.{SYM} - string")),
    case('"escaped \\" quote ∀" ∀', ("∀", 0, "string.quoted.double.phicode - keyword"), ("∀", 1, f"keyword.control.{SYM} - string")),
])

FIELD = "meta.fstring.field.phicode"
write("fstrings.φ", "f-string fields are code (PEP 701)", [
    case('f"{x["key"]} ¿"', ("{", 0, f"{FIELD} punctuation.definition.field.begin.phicode"), ('"key"', 0, f"{FIELD} string.quoted.double.phicode"), ("¿", 0, "string.quoted.double.interpolated.phicode - meta.fstring.field keyword")),
    case('f"{π(1)} π"', ("π", 0, f"{FIELD} support.function.builtin.{SYM}"), ("π", 1, "string.quoted.double.interpolated.phicode - meta.fstring.field support")),
    case('f"{{not ¿ a field}} {ℓ(xs):>10}"', ("{{", 0, "constant.character.escape.brace.phicode"), ("¿", 0, "string.quoted.double.interpolated.phicode - meta.fstring.field keyword"), ("ℓ", 0, f"{FIELD} support.function.builtin.{SYM}"), (">10", 0, "meta.fstring.format-spec.phicode")),
    case('f"{x:{w}} {y!r:^{w}}"', ("w", 0, f"meta.fstring.format-spec.phicode {FIELD}"), ("!r", 0, "storage.type.format.phicode")),
    case("f'{\"∀\".join(xs)} ∀'", ('"∀"', 0, f"{FIELD} string.quoted.double.phicode - keyword"), ("∀", 1, "string.quoted.single.interpolated.phicode - keyword")),
    case('f"{f"{f"{π}"}"}" ∀', ("π", 0, f"{FIELD} support.function.builtin.{SYM}"), ("∀", 0, f"keyword.control.{SYM} - string")),
    case('rf"\\d{ℓ(x)}" + t"{τ(x)}"', ("\\d", 0, "string.quoted.double.raw.interpolated.phicode - constant.character.escape"), ("ℓ", 0, f"{FIELD} support.function.builtin.{SYM}"), ("τ", 0, f"{FIELD} support.function.builtin.{SYM}")),
    case('msg = f"total: {', ("{", 0, FIELD)),
    case("    ∑(xs) ¿ xs ⋄ 0", ("∑", 0, f"{FIELD} support.function.builtin.{SYM}"), ("¿", 0, f"{FIELD} keyword.control.{SYM}")),
    case('} done"', ("done", 0, "string.quoted.double.interpolated.phicode - meta.fstring.field")),
])

write("dialect.φ", "dialect words are names to the grammar (the server colours them), Python words are keywords", [
    case("si x: retour imprimir(x)", ("si", 0, "source.phicode - keyword string"), ("retour", 0, "source.phicode - keyword string")),
    case("'si' # retour", ("'si'", 0, "string.quoted.single.phicode"), ("# retour", 0, "comment.line.number-sign.phicode")),
    case("if x in xs and not y: print(len(xs))", ("if", 0, "keyword.control.phicode"), ("in", 0, "keyword.operator.logical.phicode"), ("print", 0, "support.function.builtin.phicode")),
    case("obj.print(printer, x.if_)", ("print", 0, "source.phicode - support"), ("printer", 0, "source.phicode - support"), ("if_", 0, "source.phicode - keyword")),
    case("café = 1 if x else 0x1f", ("café", 0, "source.phicode - keyword"), ("if", 0, "keyword.control.phicode"), ("0x1f", 0, "constant.numeric.phicode")),
])
