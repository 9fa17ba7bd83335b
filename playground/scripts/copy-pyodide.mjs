// Copies the Pyodide runtime from node_modules into public/pyodide, so the site serves
// Python itself (no CDN): the loader, the interpreter, the standard library.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];
const require = createRequire(import.meta.url);
const from = dirname(require.resolve('pyodide/package.json'));
const to = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'pyodide');
mkdirSync(to, { recursive: true });
for (const file of FILES) {
  const source = join(from, file);
  const target = join(to, file);
  let fresh = false;
  try {
    fresh = statSync(target).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    // Not copied yet.
  }
  if (!fresh) copyFileSync(source, target);
}
