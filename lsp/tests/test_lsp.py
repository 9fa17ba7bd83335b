"""`phicode lsp` through a real LSP client: every position asserted is a φ line and column
(0-based, UTF-16, as the protocol counts), though pyright works on the Python twins."""

from urllib.parse import unquote

from lsprotocol import types

from conftest import at, diagnostics_until, open_file, uri

TD = types.TextDocumentIdentifier


def errors(diagnostics):
    """The server's own errors (not the dialect config's warnings, not pyright's)."""
    return [
        d for d in diagnostics
        if d.source == "phicode" and d.severity == types.DiagnosticSeverity.Error
    ]


def name(file_uri: str) -> str:
    return unquote(file_uri.rsplit("/", 1)[1])


def span(r: types.Range):
    return (r.start.line, r.start.character, r.end.line, r.end.character)


async def test_lexical_error_at_its_phicode_place(client, project):
    doc = open_file(client, project, "broken.φ")
    found = await diagnostics_until(client, doc, errors)
    lexical = [d for d in found if d.source == "phicode" and "unterminated" in d.message]
    assert [span(d.range) for d in lexical] == [(1, 4, 1, 5)]


async def test_python_syntax_error_at_its_phicode_place(client, project):
    doc = open_file(client, project, "bad.φ")
    found = await diagnostics_until(client, doc, errors)
    (error,) = [d for d in found if d.source == "phicode" and "SyntaxError" in d.message]
    # `¿ x ≡ :` is `if x is :`: Python points at the colon, column 8 there, 6 in φ.
    assert (error.range.start.line, error.range.start.character) == (1, 6)


async def test_dialect_conflict_reported_in_the_config_and_the_file(client, project):
    doc = open_file(client, project, "helpers.φ")
    config = (project / ".phicode" / "config.json").as_uri()
    found = await diagnostics_until(client, config, lambda ds: len(ds) > 0)
    assert [span(d.range)[:2] for d in found] == [(3, 13)]
    assert "already means `print`" in found[0].message
    in_file = await diagnostics_until(
        client, doc, lambda ds: any("dialect config" in d.message for d in ds)
    )
    assert any(d.severity == types.DiagnosticSeverity.Warning for d in in_file)


async def test_pyright_diagnostic_moves_to_phicode_columns(client, project):
    doc = open_file(client, project, "typed.φ")
    # `π(double("a"))` is `print(double("a"))`: "a" is at 13..16 in Python, 9..12 in φ.
    found = await diagnostics_until(
        client, doc, lambda ds: any(d.source != "phicode" and d.range.start.line == 1 for d in ds)
    )
    typed = [d for d in found if d.source != "phicode" and d.range.start.line == 1]
    assert span(typed[0].range) == (1, 9, 1, 12), typed
    assert "Literal['a']" in typed[0].message and '"int"' in typed[0].message


async def test_hover_on_a_symbol_shows_its_python_word_and_pyright(client, project):
    doc = open_file(client, project, "main.φ")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=TD(uri=doc), position=at(6, 8))
    )
    assert hover is not None
    assert "`π` → `print`" in hover.contents.value
    assert "def print(" in hover.contents.value  # pyright's signature of print
    assert span(hover.range) == (6, 8, 6, 9)


async def test_hover_type_from_pyright_at_phicode_range(client, project):
    doc = uri(project, "main.φ")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=TD(uri=doc), position=at(6, 28))
    )
    assert hover is not None
    assert "def double(n: int) -> int" in hover.contents.value
    assert span(hover.range) == (6, 26, 6, 32)


async def test_definition_across_modules(client, project):
    doc = uri(project, "main.φ")
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=TD(uri=doc), position=at(6, 28))
    )
    targets = [(getattr(f, "target_uri", None) or f.uri) for f in found]
    assert targets == [uri(project, "helpers.φ")]
    rng = getattr(found[0], "target_selection_range", None) or found[0].range
    assert span(rng) == (0, 2, 0, 8)
    # Into a module of a package, written with a dialect word (`retour`).
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=TD(uri=doc), position=at(11, 3))
    )
    targets = [(getattr(f, "target_uri", None) or f.uri) for f in found]
    assert targets == [uri(project, "shapes/geometry.φ")]
    rng = getattr(found[0], "target_selection_range", None) or found[0].range
    assert span(rng) == (0, 2, 0, 6)


async def test_definition_into_the_standard_library(client, project):
    doc = uri(project, "main.φ")
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=TD(uri=doc), position=at(7, 6))
    )
    targets = [(getattr(f, "target_uri", None) or f.uri) for f in found]
    assert targets and all(t.endswith("builtins.pyi") for t in targets), targets


async def test_references_across_modules(client, project):
    doc = uri(project, "helpers.φ")
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=TD(uri=doc),
            position=at(0, 3),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    places = sorted((name(f.uri), *span(f.range)) for f in found)
    assert places == [
        ("helpers.φ", 0, 2, 0, 8),
        ("main.φ", 6, 26, 6, 32),
        ("typed.φ", 0, 12, 0, 18),
        ("typed.φ", 1, 2, 1, 8),
    ]


async def test_rename_edits_every_module_at_phicode_places(client, project):
    doc = uri(project, "main.φ")
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=TD(uri=doc), position=at(6, 28), new_name="twice")
    )
    assert edit is not None
    places = []
    if edit.changes:
        for u, edits in edit.changes.items():
            places += [(name(u), *span(e.range), e.new_text) for e in edits]
    for change in edit.document_changes or []:
        u = change.text_document.uri
        places += [(name(u), *span(e.range), e.new_text) for e in change.edits]
    assert sorted(places) == [
        ("helpers.φ", 0, 2, 0, 8, "twice"),
        ("main.φ", 6, 26, 6, 32, "twice"),
        ("typed.φ", 0, 12, 0, 18, "twice"),
        ("typed.φ", 1, 2, 1, 8, "twice"),
    ]


async def test_completion_of_backslash_words_python_words_and_attributes(client, project):
    doc = (project / "scratch.φ").as_uri()
    text = "⇒ helpers\n\\fo\nprin\nhelpers.\n"
    item = types.TextDocumentItem(uri=doc, language_id="phicode", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    async def complete(line, character):
        result = await client.text_document_completion_async(
            types.CompletionParams(text_document=TD(uri=doc), position=at(line, character))
        )
        return result.items if hasattr(result, "items") else result

    items = await complete(1, 3)
    first = items[0]
    assert first.text_edit.new_text == "∀" and span(first.text_edit.range) == (1, 0, 1, 3)
    items = await complete(2, 4)
    symbol = [i for i in items if i.text_edit and i.text_edit.new_text == "π"]
    assert symbol and span(symbol[0].text_edit.range) == (2, 0, 2, 4)
    assert any(i.label == "print" for i in items)  # pyright's own completion, too
    items = await complete(3, 8)
    assert "double" in [i.label for i in items]


async def test_signature_help_and_incremental_edits(client, project):
    doc = (project / "edit.φ").as_uri()
    item = types.TextDocumentItem(uri=doc, language_id="phicode", version=1, text="x = 1\n")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    await diagnostics_until(client, doc, lambda ds: doc in client.diagnostics and not errors(ds))

    def change(version, line, a, b, text):
        r = types.Range(start=at(line, a), end=at(line, b))
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=version),
                content_changes=[types.TextDocumentContentChangePartial(range=r, text=text)],
            )
        )

    # `x = 1 + ℓ(` : the bracket never closed, at φ column 9.
    change(2, 0, 5, 5, " + ℓ(")
    found = await diagnostics_until(client, doc, errors)
    (error,) = errors(found)
    assert (error.range.start.line, error.range.start.character) == (0, 9), error
    assert "never closed" in error.message
    change(3, 0, 10, 10, ")")
    await diagnostics_until(client, doc, lambda ds: not errors(ds))
    change(4, 1, 0, 0, "⇒ helpers\nπ(helpers.double(")
    help = await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=TD(uri=doc), position=at(2, 17))
    )
    assert help is not None and "n: int" in help.signatures[0].label


async def test_dialect_words_get_semantic_tokens(client, project):
    doc = open_file(client, project, "shapes/geometry.φ")
    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=TD(uri=doc))
    )
    # `    retour 3.14159 * r * r`: one keyword (type 0) at line 1, column 4, 6 long.
    assert list(tokens.data) == [1, 4, 6, 0, 0]


async def test_formatting_rederives_symbols_from_the_python(client, project):
    doc = (project / "fmt.φ").as_uri()
    text = "x = 1\nfor i in range(3): print(i)\n"
    item = types.TextDocumentItem(uri=doc, language_id="phicode", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=TD(uri=doc),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert [(span(e.range), e.new_text) for e in edits] == [((1, 0, 1, 24), "∀ i ∈ ⟪(3): π")]


async def test_show_python(client, project):
    doc = uri(project, "main.φ")
    python = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="phicode.showPython", arguments=[doc])
    )
    assert "    for i, x in enumerate(items):\n" in python
    assert "print(area(2.0), total)" in python


async def test_hostile_input_gets_answers_not_a_crash(client, project):
    doc = (project / "odd.φ").as_uri()
    item = types.TextDocumentItem(uri=doc, language_id="phicode", version=1, text="π(1)\n")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    far = types.Range(start=at(99, 99), end=at(3, 0))  # past the end, and backwards
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=far, text="𝕟\r\n\"")],
        )
    )
    for position in (at(0, 500), at(40, 0), at(0, 1)):
        await client.text_document_hover_async(
            types.HoverParams(text_document=TD(uri=doc), position=position)
        )
        await client.text_document_completion_async(
            types.CompletionParams(text_document=TD(uri=doc), position=position)
        )
    untitled = await client.text_document_hover_async(
        types.HoverParams(text_document=TD(uri="untitled:Untitled-1"), position=at(0, 0))
    )
    assert untitled is None
    python = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="phicode.showPython", arguments=[doc])
    )
    assert python == 'print(1)\n𝕟\r\n"'

