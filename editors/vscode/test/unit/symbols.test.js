'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { DEFAULTS, expansion, parseTable } = require('../../src/symbols');

test('a \\word before the cursor expands to its symbol', () => {
  assert.deepStrictEqual(expansion('    \\for', DEFAULTS), { length: 4, symbol: '∀' });
  assert.deepStrictEqual(expansion('x \\:=', DEFAULTS), { length: 3, symbol: '≔' });
  assert.strictEqual(expansion('for', DEFAULTS), undefined);
  assert.strictEqual(expansion('\\nosuchword', DEFAULTS), undefined);
});

test('the dialect from `phicode symbols --json` adds its words', () => {
  const table = parseTable(JSON.stringify({ python_to_phicode: { if: 'si' } }));
  assert.deepStrictEqual(expansion('\\if', table), { length: 3, symbol: 'si' });
  assert.deepStrictEqual(expansion('\\for', table), { length: 4, symbol: '∀' });
});
