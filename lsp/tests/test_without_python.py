"""`phicode lsp` without a working Python server: one that cannot start (the editor is told,
and the φ features, diagnostics, symbol hover and completion, show Python, still work), and
one that reports diagnostics of a text already edited (they are dropped, not misplaced)."""

import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import HERE, PHICODE, at, diagnostics_until, initialize_params, open_file, uri

TD = types.TextDocumentIdentifier
MISSING = ClientServerConfig(
    server_command=[PHICODE, "lsp", "--python-server", "/nonexistent/pyright-langserver --stdio"]
)


@pytest_lsp.fixture(config=MISSING, scope="module")
async def bare(lsp_client: LanguageClient, project):
    result = await lsp_client.initialize_session(initialize_params(project))
    assert result.capabilities.definition_provider is None  # no Python features offered
    yield
    await lsp_client.shutdown_session()


async def test_the_editor_is_told_and_phicode_features_remain(bare, project):
    assert any("cannot start the Python language server" in m.message for m in bare.messages)
    doc = open_file(bare, project, "broken.φ")
    found = await diagnostics_until(bare, doc, lambda ds: any("unterminated" in d.message for d in ds))
    assert any(d.range.start == at(1, 4) for d in found)
    main = open_file(bare, project, "main.φ")
    hover = await bare.text_document_hover_async(
        types.HoverParams(text_document=TD(uri=main), position=at(7, 6))
    )
    assert hover.contents.value == "`ℓ` → `len`"
    python = await bare.workspace_execute_command_async(
        types.ExecuteCommandParams(command="phicode.showPython", arguments=[uri(project, "main.φ")])
    )
    assert "return len(items)" in python


STALE = ClientServerConfig(
    server_command=[PHICODE, "lsp", "--python-server", f"{sys.executable} {HERE / 'stale_server.py'}"]
)


@pytest_lsp.fixture(config=STALE)
async def late(lsp_client: LanguageClient, project):
    await lsp_client.initialize_session(initialize_params(project))
    yield
    await lsp_client.shutdown_session()


async def test_diagnostics_of_a_text_since_edited_are_dropped(late, project):
    # Every edit shifts `zzz` (`¬ 1 ∨ ` is 6 characters of φ, 9 of Python); the stale
    # report of the text before would land off it, mapped through the new column map.
    doc = (project / "stale.φ").as_uri()
    texts = ["¬ 1 ∨ " * k + "π(zzz)\n" for k in range(5)]
    seen = []

    class Recording(dict):
        def __setitem__(self, key, value):
            if key == doc:
                seen.append([d for d in value if d.source == "stale"])
            super().__setitem__(key, value)

    late.diagnostics = Recording(late.diagnostics)
    item = types.TextDocumentItem(uri=doc, language_id="phicode", version=1, text=texts[0])
    late.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    for version, text in enumerate(texts[1:], start=2):
        await diagnostics_until(late, doc, lambda ds: any(d.source == "stale" for d in ds))
        late.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        want = text.index("zzz")
        await diagnostics_until(late, doc, lambda ds: any(d.range.start.character == want for d in ds))
    placed = {d.range.start.character for report in seen for d in report}
    assert placed == {t.index("zzz") for t in texts}, placed
