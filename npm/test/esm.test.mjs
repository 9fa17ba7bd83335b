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

test('string results release their wasm memory: 1000 calls do not grow it', async () => {
  // The same module instance as `phicode` (dist/node.mjs imports this very file).
  const { wasmMemory } = await import('../dist/phicode.js');
  const memory = wasmMemory();
  const phi = "∀ x ∈ xs: π('🐍 größe', x)  # 東京\n¿ ¬ x: ⟲ 𝕟\n".repeat(2000);
  const python = api.toPython(phi).code;
  // The last one's Python is ASCII, which is handed over as bytes rather than UTF-16.
  const ascii = '∀ x ∈ xs: π(x)  # ok\n¿ ¬x: ⟲ y\n'.repeat(4000);
  for (const source of [phi, python, ascii]) {
    const convert = source === python ? api.toPhicode : api.toPython;
    for (let i = 0; i < 3; i++) convert(source);
    const before = memory.buffer.byteLength;
    for (let i = 0; i < 1000; i++) convert(source, { sourceMap: i % 2 === 0 });
    // Each call hands over ~100-190 kB: kept instead of freed, 1000 calls would need
    // 100 MB more.
    assert.equal(memory.buffer.byteLength, before);
  }
  assert.equal(api.toPhicode(python).code, phi);
  assert.equal(api.toPython(ascii).code, 'for x in xs: print(x)  # ok\nif not x: return y\n'.repeat(4000));
});
