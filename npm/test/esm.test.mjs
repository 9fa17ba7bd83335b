// The package through `import` (dist/node.mjs via the exports map).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'phicode';
import behaviour from './cases.cjs';

behaviour(api, 'import');

test('each entry point is its own instance of the wasm', async () => {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  assert.match(require.resolve('phicode'), /dist\/node\.cjs$/);
  assert.match(import.meta.resolve('phicode'), /dist\/node\.mjs$/);
  assert.notEqual(require('phicode').toPython, api.toPython);
});
