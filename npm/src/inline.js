// Any ES module host, no file beside it needed: the wasm is inlined as base64 (the build
// fills in the string below), at the cost of a third more bytes than the .wasm.
import init from './phicode.js';

const base64 = '__PHICODE_WASM_BASE64__';
const bytes =
  typeof Buffer === 'function'
    ? Buffer.from(base64, 'base64')
    : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
await init({ module_or_path: bytes });

export * from './api.js';
