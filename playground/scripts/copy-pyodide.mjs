// Copies the Pyodide runtime from node_modules into public/pyodide, so the site serves
// Python itself (no CDN): the loader, the interpreter, the standard library; and the
// micropip wheel that scripts/setup.d/30-web.sh downloads into vendor/.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
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
const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const MICROPIP = 'micropip-0.11.1-py3-none-any.whl';
const sources = FILES.map((file) => [file, join(from, file)]);
sources.push([MICROPIP, join(here, 'vendor', MICROPIP)]);
if (!existsSync(sources.at(-1)[1])) {
  throw new Error(`vendor/${MICROPIP} is missing: run bash scripts/setup.d/30-web.sh from the repository root`);
}
for (const [file, source] of sources) {
  const target = join(to, file);
  let fresh = false;
  try {
    fresh = statSync(target).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    // Not copied yet.
  }
  if (!fresh) copyFileSync(source, target);
}
