// The VS Code side of φ: starts `phicode lsp` as the language client's server, and adds the
// `\word`+Tab input method, "Run φ file" and "Show Python".
'use strict';

const vscode = require('vscode');
const path = require('path');
const { execFile } = require('child_process');
const { LanguageClient, TransportKind, ExecuteCommandRequest } = require('vscode-languageclient/node');
const { DEFAULTS, expansion, parseTable } = require('./symbols');

let client;
const tables = new Map(); // folder → python word → symbol

function settings() {
  const config = vscode.workspace.getConfiguration('phicode');
  return { binary: config.get('path') || 'phicode', pythonServer: config.get('pythonServer') || '' };
}

/** The symbol table for files in `folder`, dialect included (asked once per folder). */
function tableFor(folder) {
  if (!tables.has(folder)) {
    tables.set(folder, DEFAULTS);
    execFile(settings().binary, ['symbols', '--json'], { cwd: folder }, (error, stdout) => {
      if (!error) {
        try { tables.set(folder, parseTable(stdout)); } catch { /* keep the defaults */ }
      }
    });
  }
  return tables.get(folder);
}

async function expandSymbol() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const at = editor.selection.active;
  const before = editor.document.lineAt(at.line).text.slice(0, at.character);
  const found = expansion(before, tableFor(path.dirname(editor.document.uri.fsPath)));
  if (!found) {
    await vscode.commands.executeCommand('tab');
    return;
  }
  const range = new vscode.Range(at.translate(0, -found.length), at);
  await editor.edit((edit) => edit.replace(range, found.symbol));
}

function runFile() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const file = editor.document.uri.fsPath;
  const run = () => {
    const terminal = vscode.window.createTerminal({ name: 'φ', cwd: path.dirname(file) });
    terminal.show();
    const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
    terminal.sendText(`${quote(settings().binary)} run ${quote(file)}`);
  };
  if (editor.document.isDirty) editor.document.save().then(run); else run();
}

async function showPython() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const python = await client.sendRequest(ExecuteCommandRequest.type, {
    command: 'phicode.showPython',
    arguments: [editor.document.uri.toString()],
  });
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: python });
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside, true);
}

function activate(context) {
  const { binary, pythonServer } = settings();
  const args = ['lsp'];
  if (pythonServer) args.push('--python-server', pythonServer);
  const server = { command: binary, args, transport: TransportKind.stdio };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.φ,*.phi,config.json}');
  client = new LanguageClient('phicode', 'φ language server', server, {
    documentSelector: [{ scheme: 'file', language: 'phicode' }],
    synchronize: { fileEvents: watcher },
  });
  context.subscriptions.push(
    watcher,
    vscode.commands.registerCommand('phicode.expandSymbol', expandSymbol),
    vscode.commands.registerCommand('phicode.runFile', runFile),
    vscode.commands.registerCommand('phicode.showPython', showPython),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
