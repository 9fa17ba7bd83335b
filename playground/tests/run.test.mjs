// End-to-end tests of running programs: Stop during input(), Stop before Python has loaded,
// a forced stop, Ctrl+Enter, sys.exit, the last bare expression (and its rich HTML), the
// Python version, micropip with a wheel served here, a missing package, and a host without
// the cross-origin isolation headers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../npm/test/support/browser.mjs';
import { assert, dist, finished, open, output, ready, replace, runAndWait, setup, shots, text } from './support.mjs';

const env = setup();

test('Stop during input() stops the program and says so', async () => {
  const page = await open(env);
  await replace(page, 'phi', 'name = input("name? ")\nπ(name)\n');
  await runAndWait(page);
  await page.waitForSelector('#stdin:not([hidden])');
  await page.click('#stop');
  await finished(page);
  assert.equal(await output(page), 'name? \n[stopped]\n');
  assert.equal(await page.textContent('#status'), 'Stopped');
  assert.ok(await page.isHidden('#stdin'));
  // The next run is a fresh one.
  await replace(page, 'phi', 'π("next")');
  await runAndWait(page);
  await finished(page);
  assert.equal(await output(page), 'next\n');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Ctrl+Enter in the editor runs without adding a line', async () => {
  const page = await open(env);
  await replace(page, 'phi', 'π(6 * 7)');
  await ready(page);
  page.runs = 0;
  await page.keyboard.press('Control+Enter');
  await finished(page);
  assert.equal(await text(page, 'phi'), 'π(6 * 7)');
  assert.equal(await output(page), '42\n');
  await page.close();
});

test('Stop on a run asked for while Python loads cancels it', async () => {
  const page = await open(env);
  await replace(page, 'phi', 'π("too late")');
  assert.match(await page.textContent('#status'), /Loading Python/);
  await runAndWait(page, { wait: false });
  assert.match(await page.textContent('#status'), /Waiting for Python/);
  await page.click('#stop');
  await finished(page);
  assert.equal(await page.textContent('#status'), 'Stopped · loading Python…');
  assert.equal(await output(page), '[stopped]\n');
  await page.waitForFunction(() => /ready$/.test(document.getElementById('status').textContent), null, { timeout: 90_000 });
  await page.waitForTimeout(500);
  assert.equal(await output(page), '[stopped]\n', 'the cancelled program never ran');
  await page.close();
});

test('a program that ignores KeyboardInterrupt is ended, and the status shows Python reloading', async () => {
  const page = await open(env);
  await replace(page, 'python', 'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass\n');
  await runAndWait(page);
  await page.waitForTimeout(300);
  await page.click('#stop');
  await finished(page, 10_000);
  assert.equal(await page.textContent('#status'), 'Stopped · loading Python…');
  assert.ok(await page.$eval('#status', (s) => s.classList.contains('busy')), 'a loading indicator');
  await page.screenshot({ path: `${shots}forced-stop-reloading.png` });
  await ready(page);
  assert.match(await page.textContent('#status'), /^Python 3\.\d+\.\d+ ready$/);
  await page.close();
});

test('sys.exit(3) is an exit status, not a traceback; the status names the Python version', async () => {
  const page = await open(env);
  await ready(page);
  assert.match(await page.textContent('#status'), /^Python 3\.\d+\.\d+ ready$/, 'Python’s version, not Pyodide’s');
  await replace(page, 'python', 'import sys\nprint("bye")\nsys.exit(3)\n');
  await runAndWait(page);
  await finished(page);
  assert.equal(await output(page), 'bye\n[exited with status 3]\n');
  assert.equal(await page.textContent('#status'), 'Exited with status 3');
  await page.close();
});

test('a bare last expression is shown, with its _repr_html_', async () => {
  const page = await open(env);
  await replace(page, 'phi', '1 + 1');
  await runAndWait(page);
  await finished(page);
  assert.equal(await output(page), '2\n');
  assert.ok(await page.isHidden('#result'));
  await replace(
    page,
    'python',
    'class Table:\n    def _repr_html_(self):\n        return "<table><tr><td>rich</td></tr></table>"\n    def __repr__(self):\n        return "Table()"\nTable()\n',
  );
  await runAndWait(page);
  await finished(page);
  assert.equal(await output(page), 'Table()\n');
  const frame = await (await page.waitForSelector('#result iframe')).contentFrame();
  await frame.waitForSelector('td');
  assert.equal(await frame.textContent('td'), 'rich');
  await page.screenshot({ path: `${shots}rich-result.png` });
  await page.close();
});

test('micropip installs a pure-Python wheel served here; a missing package is explained', async () => {
  const wheels = mkdtempSync(join(tmpdir(), 'phicode-wheels-'));
  // A real wheel, built with the standard library's zipfile.
  execFileSync('python3', ['-c', `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1] + "/phitest-1.0-py3-none-any.whl", "w") as z:
    z.writestr("phitest/__init__.py", "def hello():\\n    return 'hello from a wheel'\\n")
    z.writestr("phitest-1.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: phitest\\nVersion: 1.0\\n")
    z.writestr("phitest-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
    z.writestr("phitest-1.0.dist-info/RECORD", "")
`, wheels]);
  const files = await serve(wheels, { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
  try {
    const page = await open(env);
    await replace(
      page,
      'python',
      `import micropip\nawait micropip.install("${files.url}phitest-1.0-py3-none-any.whl")\nimport phitest\nprint(phitest.hello())\n`,
    );
    await runAndWait(page);
    await finished(page, 60_000);
    assert.equal(await output(page), 'hello from a wheel\n');
    await replace(page, 'python', 'import numpy\n');
    await runAndWait(page);
    await finished(page);
    const told = await output(page);
    assert.match(told, /ModuleNotFoundError: No module named 'numpy'/);
    assert.match(told, /`numpy` is not in this playground's Python/);
    assert.match(told, /micropip\.install\("numpy"\)/);
    await page.close();
  } finally {
    await files.close();
    rmSync(wheels, { recursive: true, force: true });
  }
});

test('without the cross-origin isolation headers, the page and input() say why input() cannot work', async () => {
  const plain = await serve(dist);
  try {
    const page = await open(env, plain.url);
    assert.match(await page.textContent('#notice'), /without the cross-origin isolation headers/);
    await replace(page, 'phi', 'x = input("? ")\n');
    await runAndWait(page);
    await finished(page);
    assert.match(await output(page), /RuntimeError: input\(\) is not available: this page is served without the cross-origin isolation headers/);
    await page.close();
  } finally {
    await plain.close();
  }
});
