"""A `phicode lsp` over stdio, driven by pytest-lsp's client, on a copy of project/.

The server runs pyright (from this folder's node_modules) on the transpiled text. Set
PHICODE_BIN to test another binary than `$CARGO_TARGET_DIR/debug/phicode`.
"""

import asyncio
import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

HERE = pathlib.Path(__file__).parent
REPO = HERE.parent.parent
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
PHICODE = os.environ.get("PHICODE_BIN", str(TARGET / "debug" / "phicode"))
PYRIGHT = HERE / "node_modules" / ".bin" / "pyright-langserver"


def server_command():
    return [PHICODE, "lsp", "--python-server", f"{PYRIGHT} --stdio"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> pathlib.Path:
    """A fresh copy of project/ (so no run leaves anything in the repository)."""
    root = tmp_path_factory.mktemp("phi") / "project"
    shutil.copytree(HERE / "project", root)
    return root.resolve()


def uri(root: pathlib.Path, name: str) -> str:
    return (root / name).as_uri()


def initialize_params(root: pathlib.Path) -> types.InitializeParams:
    """What VS Code sends when it opens the folder `root`."""
    return types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="project")],
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()), scope="module")
async def client(lsp_client: LanguageClient, project: pathlib.Path):
    await lsp_client.initialize_session(initialize_params(project))
    yield
    await lsp_client.shutdown_session()


def open_file(client: LanguageClient, root: pathlib.Path, name: str) -> str:
    """Opens `name` as the editor would; returns its URI."""
    path = root / name
    item = types.TextDocumentItem(
        uri=path.as_uri(), language_id="phicode", version=1, text=path.read_text()
    )
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return item.uri


async def diagnostics_until(client: LanguageClient, uri: str, check, timeout: float = 60.0):
    """The diagnostics of `uri` once `check(diagnostics)` holds (pyright's come later)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        found = list(client.diagnostics.get(uri, []))
        if check(found):
            return found
        if loop.time() > deadline:
            raise AssertionError(f"diagnostics of {uri} never matched; last: {found}")
        await asyncio.sleep(0.05)


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)
