// Node, CommonJS: bundled by esbuild into dist/node.cjs (glue included), so `require` works
// on every Node ≥ 18 without loading ES modules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './phicode.js';

initSync({ module: readFileSync(join(__dirname, 'phicode_bg.wasm')) });

export * from './api.js';
