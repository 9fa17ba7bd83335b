// The package in Chromium: as plain ES modules (the .wasm fetched beside dist/web.js, or
// inlined), and inside apps built by Vite and by webpack with no configuration for the
// wasm, which the bundles must find, ship and fetch.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { launch, serve } from './support/browser.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'phicode-bundlers-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(pkg, join(app, 'node_modules', 'phicode'), 'dir');
writeFileSync(
  join(app, 'main.js'),
  `import { toPython, symbols } from 'phicode';
document.body.dataset.result = toPython('∀ x ∈ y: π(x)').code + ' | ' + symbols().length;`,
);
writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function resultOf(dir) {
  const server = await serve(dir);
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(server.url);
    try {
      await page.waitForSelector('body[data-result]', { state: 'attached', timeout: 15_000 });
    } catch (error) {
      throw new Error(`${error.message}\npage errors: ${errors.join('\n')}`);
    }
    return page.evaluate(() => document.body.dataset.result);
  } finally {
    await server.close();
  }
}

test('plain ES modules in the browser: wasm beside the module, or inlined', async () => {
  const page = join(app, 'plain');
  mkdirSync(page);
  symlinkSync(join(pkg, 'dist'), join(page, 'dist'), 'dir');
  writeFileSync(
    join(page, 'index.html'),
    `<!doctype html><script type="module">
import * as beside from './dist/web.js';
import * as inline from './dist/inline.js';
document.body.dataset.result = beside.toPython('¿ x: ⋯').code + ' | ' + inline.toPhicode('if x: pass').code;
</script>`,
  );
  assert.equal(await resultOf(page), 'if x: pass | ¿ x: ⋯');
});

test('Vite bundles the package and the page converts', async () => {
  const outDir = join(app, 'dist-vite');
  await viteBuild({ root: app, logLevel: 'warn', build: { outDir, target: 'es2022' } });
  assert.equal(await resultOf(outDir), 'for x in y: print(x) | 48');
});

test('webpack bundles the package and the page converts', async () => {
  const outDir = join(app, 'dist-webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: app,
        entry: './main.js',
        output: { path: outDir, filename: 'main.js' },
        resolve: { symlinks: false },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><script src="./main.js"></script>');
  assert.equal(await resultOf(outDir), 'for x in y: print(x) | 48');
});
