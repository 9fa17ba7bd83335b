// JupyterLab (the kernel venv's) started headless on 127.0.0.1 with phicode's kernelspec,
// driven in Debian's Chromium through playwright-core: a φ notebook runs a cell with output,
// one that asks input(), one that draws a matplotlib figure inline, and one interrupted in
// time.sleep. Screenshots of each state go to $PHICODE_SCREENS (default test-results/).
// Needs PHICODE_BIN; the venv of scripts/setup.d/80-kernel.sh; npm/'s node_modules.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch } from '../../npm/test/support/browser.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const venv = join(here, '..', 'out', 'venv');
const shots = process.env.PHICODE_SCREENS ?? join(here, 'test-results');
mkdirSync(shots, { recursive: true });
const phicode = process.env.PHICODE_BIN;
const TOKEN = 'phicode-e2e';

const CELLS = [
  "∀ i ∈ range(3):\n    π('φ', i)",
  "name = input('name? ')\nπ(f'hello {name}')",
  'import matplotlib.pyplot as plt\nplt.plot([1, 3, 2, 4])\nplt.title("φ inline")',
  'import time\ntime.sleep(60)',
];

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let lab;
let browser;
let root;
let port;
before(async () => {
  assert.ok(phicode, 'set PHICODE_BIN to the phicode binary');
  root = mkdtempSync(join(tmpdir(), 'phicode-lab-'));
  const site = execFileSync(join(venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'])
    .toString()
    .trim();
  execFileSync(phicode, ['kernel', 'install', '--prefix', join(root, 'prefix'), '--name', 'phicode', '--env', `PYTHONPATH=${site}`]);
  const notebook = {
    cells: CELLS.map((source, i) => ({ cell_type: 'code', id: `c${i}`, execution_count: null, metadata: {}, outputs: [], source })),
    metadata: { kernelspec: { name: 'phicode', display_name: 'Phicode (φ)', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  mkdirSync(join(root, 'work'));
  writeFileSync(join(root, 'work', 'demo.ipynb'), JSON.stringify(notebook));
  port = await freePort();
  const env = {
    ...process.env,
    JUPYTER_PATH: join(root, 'prefix', 'share', 'jupyter'),
    JUPYTER_CONFIG_DIR: join(root, 'config'),
    JUPYTER_DATA_DIR: join(root, 'data'),
    JUPYTER_RUNTIME_DIR: join(root, 'runtime'),
    XDG_STATE_HOME: join(root, 'state'),
  };
  lab = spawn(join(venv, 'bin', 'jupyter'), [
    'lab', '--no-browser', '--allow-root', '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`,
    `--IdentityProvider.token=${TOKEN}`, `--ServerApp.root_dir=${join(root, 'work')}`,
    '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
  ], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  lab.log = '';
  lab.stderr.on('data', (d) => { lab.log += d; });
  for (let i = 0; i < 600 && lab.exitCode === null && !/is running at/.test(lab.log); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(lab.log, /is running at/, lab.log);
  browser = await launch();
});

after(async () => {
  if (process.env.PHICODE_LAB_LOG) writeFileSync(process.env.PHICODE_LAB_LOG, lab?.log ?? '');
  await browser?.close();
  if (lab) {
    lab.kill('SIGTERM');
    await new Promise((r) => lab.once('exit', r));
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

const shot = (page, name) => page.screenshot({ path: join(shots, `jupyterlab-${name}.png`) });

/** The text of code cell `n`'s output area. */
const output = (page, n) =>
  page.evaluate((n) => document.querySelectorAll('.jp-Notebook .jp-CodeCell')[n]?.querySelector('.jp-OutputArea')?.textContent ?? '', n);

async function waitFor(page, what, fn, arg, timeout = 60_000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch (e) {
    await shot(page, `failed-${what}`);
    throw new Error(`${what}: ${e.message}`);
  }
}

/** Runs code cell `n` (Shift+Enter), again if JupyterLab did not send it (its prompt stays
 * `[ ]:` while the kernel connection settles). */
async function runCell(page, n) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator('.jp-Notebook .jp-CodeCell').nth(n).locator('.jp-InputArea-prompt').click();
    await page.keyboard.press('Shift+Enter');
    try {
      await page.waitForFunction(
        (n) => !/\[ \]/.test(document.querySelectorAll('.jp-Notebook .jp-CodeCell')[n].querySelector('.jp-InputArea-prompt').textContent),
        n,
        { timeout: 10_000 },
      );
      return;
    } catch {
      // not sent: try again
    }
  }
  throw new Error(`cell ${n} did not run`);
}

test('a φ notebook in JupyterLab: output, input(), an inline figure, an interrupt', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  page.on('console', (m) => { lab.log += `[browser ${m.type()}] ${m.text()}\n`; });
  await page.goto(`http://127.0.0.1:${port}/lab/tree/demo.ipynb?token=${TOKEN}`);
  await page.waitForSelector('.jp-Notebook .jp-CodeCell', { timeout: 120_000 });
  await waitFor(page, 'kernel idle', () => /Idle/.test(document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status') ?? document.body.textContent) || document.querySelector('[data-status="idle"]'), null, 120_000);
  const news = page.locator('.jp-toast-button', { hasText: 'No' });
  if (await news.count()) await news.first().click().catch(() => {});
  await shot(page, '1-opened');

  await runCell(page, 0);
  await waitFor(page, 'cell 1 output', (n) => document.querySelectorAll('.jp-Notebook .jp-CodeCell')[n]?.querySelector('.jp-OutputArea')?.textContent.includes('φ 2'), 0);
  assert.match(await output(page, 0), /φ 0\s*φ 1\s*φ 2/);

  await runCell(page, 1);
  await page.waitForSelector('.jp-Stdin-input', { timeout: 60_000 });
  await shot(page, '2-input-asked');
  await page.fill('.jp-Stdin-input', 'Ada');
  await page.press('.jp-Stdin-input', 'Enter');
  await waitFor(page, 'input answered', (n) => document.querySelectorAll('.jp-Notebook .jp-CodeCell')[n]?.querySelector('.jp-OutputArea')?.textContent.includes('hello Ada'), 1);

  await runCell(page, 2);
  await waitFor(page, 'inline figure', (n) => !!document.querySelectorAll('.jp-Notebook .jp-CodeCell')[n]?.querySelector('.jp-OutputArea img'), 2, 120_000);
  await shot(page, '3-figure');

  await runCell(page, 3);
  await new Promise((r) => setTimeout(r, 1500));
  await shot(page, '4-sleeping');
  await page.click('[data-command="notebook:interrupt-kernel"]');
  await waitFor(page, 'interrupted', (n) => document.querySelectorAll('.jp-Notebook .jp-CodeCell')[n]?.querySelector('.jp-OutputArea')?.textContent.includes('KeyboardInterrupt'), 3, 30_000);
  await shot(page, '5-interrupted');
  const prompts = await page.$$eval('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(prompts.slice(0, 3), ['[1]:', '[2]:', '[3]:']);
  await page.close();
});
