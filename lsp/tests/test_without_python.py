"""`phicode lsp` whose Python server cannot start: the editor is told, and the φ features
(diagnostics, symbol hover and completion, show Python) still work."""

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import PHICODE, at, diagnostics_until, open_file, uri

TD = types.TextDocumentIdentifier
MISSING = ClientServerConfig(
    server_command=[PHICODE, "lsp", "--python-server", "/nonexistent/pyright-langserver --stdio"]
)


@pytest_lsp.fixture(config=MISSING, scope="module")
async def bare(lsp_client: LanguageClient, project):
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=project.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")],
    )
    result = await lsp_client.initialize_session(params)
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
