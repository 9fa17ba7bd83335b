'use strict';
// The extension's wiring, against a stand-in for the `vscode` module (VS Code itself cannot
// be fetched here): activation starts `phicode lsp` through the language client with the
// settings, registers the three commands, and `\for`+Tab edits the line or falls back to Tab.
const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');

const calls = { commands: {}, executed: [], edits: [], started: null };
const settings = { path: '/opt/phicode', pythonServer: 'none' };
const line = { text: '    \\for' };
class Position {
  constructor(l, c) { this.line = l; this.character = c; }
  translate(dl, dc) { return new Position(this.line + dl, this.character + dc); }
}
const editor = {
  selection: { active: new Position(3, 8) },
  document: { uri: { fsPath: '/nowhere/a.φ' }, lineAt: () => line, isDirty: false },
  edit: async (f) => f({ replace: (range, text) => calls.edits.push({ range, text }) }),
};
const vscode = {
  Position,
  Range: class { constructor(a, b) { this.start = a; this.end = b; } },
  ViewColumn: { Beside: 2 },
  workspace: {
    getConfiguration: () => ({ get: (k) => settings[k] }),
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
  },
  window: { activeTextEditor: editor },
  commands: {
    registerCommand: (name, f) => { calls.commands[name] = f; return { dispose() {} }; },
    executeCommand: async (name) => calls.executed.push(name),
  },
};
class LanguageClient {
  constructor(id, name, server, options) { calls.started = { id, server, options }; }
  start() { return Promise.resolve(); }
  stop() { return Promise.resolve(); }
}
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' || request === 'vscode-languageclient/node' ? request : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
require.cache['vscode-languageclient/node'] = {
  id: 'lc', filename: 'lc', loaded: true,
  exports: { LanguageClient, TransportKind: { stdio: 0 }, ExecuteCommandRequest: { type: 'workspace/executeCommand' } },
};
const extension = require('../../src/extension');

test('activation starts phicode lsp and registers the commands', async () => {
  await extension.activate({ subscriptions: [] });
  assert.deepStrictEqual(calls.started.server, { command: '/opt/phicode', args: ['lsp', '--python-server', 'none'], transport: 0 });
  assert.deepStrictEqual(calls.started.options.documentSelector, [{ scheme: 'file', language: 'phicode' }]);
  assert.deepStrictEqual(Object.keys(calls.commands).sort(), ['phicode.expandSymbol', 'phicode.runFile', 'phicode.showPython']);
});

test('\\for then Tab becomes ∀; elsewhere Tab stays Tab', async () => {
  await calls.commands['phicode.expandSymbol']();
  assert.strictEqual(calls.edits.length, 1);
  assert.strictEqual(calls.edits[0].text, '∀');
  assert.strictEqual(calls.edits[0].range.start.character, 4);
  line.text = '    x';
  editor.selection.active = new Position(3, 5);
  await calls.commands['phicode.expandSymbol']();
  assert.deepStrictEqual(calls.executed, ['tab']);
});
