// Browsers and bundlers: the wasm is fetched from beside this file. Vite and webpack see the
// `new URL(..., import.meta.url)` and ship the .wasm as an asset; top-level await means the
// functions are ready as soon as the import resolves.
import init from './phicode.js';

await init({ module_or_path: new URL('./phicode_bg.wasm', import.meta.url) });

export * from './api.js';
