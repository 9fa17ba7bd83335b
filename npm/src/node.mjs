// Node, ES modules: the wasm is read from beside this file and compiled synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from './phicode.js';

initSync({ module: readFileSync(new URL('./phicode_bg.wasm', import.meta.url)) });

export * from './api.js';
