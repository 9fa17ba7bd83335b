// End-to-end tests of the built playground (dist/) in Debian's Chromium, served from
// 127.0.0.1 with the cross-origin isolation headers a host must send: typing, conversion,
// running, Stop, dialects, sharing, a phicode server. Screenshots go to test-results/.
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert, finished, open as openIn, replace, runAndWait, setup, shots, text } from './support.mjs';

const env = setup();
const server = { get url() { return env.server.url; } };
const open = (url) => openIn(env, url);

test('the input method types symbols and the Python follows each keystroke', async () => {
  const page = await open();
  await replace(page, 'phi', '');
  await page.keyboard.type('\\for');
  await page.keyboard.press('Escape'); // close the completion list, keep the text
  await page.keyboard.press('Tab');
  await page.keyboard.type(' x in');
  await page.keyboard.press('Tab');
  await page.keyboard.type(' range');
  await page.keyboard.press('Tab');
  await page.keyboard.type('(3):');
  await page.keyboard.press('Enter');
  await page.keyboard.type('print');
  await page.keyboard.press('Tab');
  await page.keyboard.type('(x)');
  assert.equal(await text(page, 'phi'), '∀ x ∈ ⟪(3):\n    π(x)');
  assert.equal(await text(page, 'python'), 'for x in range(3):\n    print(x)');
  await page.click('#palette button[data-symbol="¿"]');
  assert.match(await text(page, 'phi'), /π\(x\)¿$/);
  assert.match(await text(page, 'python'), /print\(x\)if$/);
  await page.hover('#phi .cm-phi-symbol >> nth=0');
  await page.waitForSelector('.cm-phi-tooltip');
  assert.equal(await page.textContent('.cm-phi-tooltip'), '∀ → for');
  await page.screenshot({ path: `${shots}input-method.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('editing Python gives φ; problems are marked where they are', async () => {
  const page = await open();
  await replace(page, 'python', 'while x is not None:\n    pass');
  assert.equal(await text(page, 'phi'), '↻ x ≡ ¬ Ø:\n    ⋯');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nπ = 3.14');
  await page.waitForSelector('#python .cm-lintRange-error');
  assert.equal(await text(page, 'phi'), '↻ x ≡ ¬ Ø:\n    ⋯', 'φ keeps the last good text');
  await replace(page, 'phi', "π('unterminated)\n¿ x: ⋯");
  await page.waitForSelector('#phi .cm-lintRange-error');
  assert.equal(await text(page, 'python'), "print('unterminated)\nif x: pass");
  await page.screenshot({ path: `${shots}problems.png` });
  await page.close();
});

test('Run: output streams, input() is answered, await works, tracebacks are on φ lines', async () => {
  const page = await open();
  await replace(
    page,
    'phi',
    '⇒ asyncio\nname = input("name? ")\n⌛ asyncio.sleep(0.05)\nπ(f"hi {name}")\nƒ fail(): ↑ ValueError("boom")\nfail()\n',
  );
  await runAndWait(page);
  await page.waitForSelector('#stdin:not([hidden])', { timeout: 30_000 });
  assert.match(await page.textContent('#output'), /name\? $/);
  await page.fill('#stdin-line', 'Ada');
  await page.press('#stdin-line', 'Enter');
  await finished(page);
  const output = await page.textContent('#output');
  assert.match(output, /name\? Ada\nhi Ada\n/);
  assert.match(output, /File "main\.φ", line 6, in <module>\n {4}fail\(\)/);
  assert.match(output, /File "main\.φ", line 5, in fail\n {4}ƒ fail\(\): ↑ ValueError\("boom"\)\n {14}\^{20}\n/);
  assert.match(output, /ValueError: boom\n?$/);
  assert.equal(await page.textContent('#status'), 'Finished: ValueError');
  await page.waitForSelector('#phi .cm-lintRange-error');
  await page.screenshot({ path: `${shots}run-traceback.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Stop ends a runaway loop, and the next run works', async () => {
  const page = await open();
  await page.selectOption('#examples', { label: 'Runaway loop (press Stop)' });
  await runAndWait(page);
  await page.waitForTimeout(1000);
  assert.equal(await page.textContent('#status'), 'Running…');
  const stopped = Date.now();
  await page.click('#stop');
  await page.waitForFunction(() => document.getElementById('output').textContent.includes('[stopped]'), null, { timeout: 10_000 });
  const took = Date.now() - stopped;
  assert.equal(await page.textContent('#status'), 'Stopped');
  await page.screenshot({ path: `${shots}stopped.png` });
  await replace(page, 'phi', 'π("again")');
  await runAndWait(page);
  await finished(page);
  assert.equal(await page.textContent('#output'), 'again\n');
  console.log(`# Stop took ${took} ms`);
  await page.close();
});

test('the dialect panel shows conflicts live, and a shared URL restores program and dialect', async () => {
  const page = await open();
  await page.click('#dialect-panel summary');
  await replace(page, 'dialect', '{"symbols": {\n  "if": "∀",\n  "print": "imprimir"\n}}');
  await page.waitForSelector('#dialect .cm-lintRange-warning');
  assert.match(await page.textContent('#dialect-issues'), /2:9 the symbol `∀` for `if` already means `for`/);
  assert.match(await page.textContent('#dialect-summary'), /1 word, 1 issue/);
  await page.screenshot({ path: `${shots}dialect.png` });
  await replace(page, 'phi', 'imprimir("hola")');
  assert.equal(await text(page, 'python'), 'print("hola")');
  await page.click('#share');
  const url = page.url();
  assert.match(url, /#code=.+&dialect=.+/);
  await page.close();
  const shared = await open(url);
  assert.equal(await text(shared, 'phi'), 'imprimir("hola")');
  assert.equal(await text(shared, 'python'), 'print("hola")');
  assert.ok(await shared.$eval('#dialect-panel', (d) => d.open));
  await runAndWait(shared);
  await finished(shared);
  assert.equal(await shared.textContent('#output'), 'hola\n');
  await shared.screenshot({ path: `${shots}shared.png` });
  await shared.close();
});

test('"on a phicode server" runs the program through phicode serve', async () => {
  const { spawn } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const { createServer } = await import('node:net');
  // The binary cargo built: PHICODE_BIN, else CARGO_TARGET_DIR's debug build, else target/.
  const { join } = await import('node:path');
  const targets = process.env.CARGO_TARGET_DIR ?? fileURLToPath(new URL('../../target', import.meta.url));
  const bin = process.env.PHICODE_BIN ?? join(targets, 'debug', 'phicode');
  assert.ok(existsSync(bin), `${bin} is missing: cargo build -p phicode (or set PHICODE_BIN)`);
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const phicode = spawn(bin, ['serve', '--port', String(port), '--level', 'restricted', '--warm-workers', '0'], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/info`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = await open();
    await page.selectOption('#engine', 'server');
    await page.fill('#server-url', base);
    await replace(page, 'phi', 'π("from the server")\n1/0');
    await runAndWait(page);
    await finished(page);
    const output = await page.textContent('#output');
    assert.match(output, /^from the server\n/);
    assert.match(output, /ZeroDivisionError: division by zero/);
    assert.match(await page.textContent('#status'), /Failed \(server\)/);
    assert.deepEqual(page.errors, []);
    await page.selectOption('#engine', 'browser'); // the choice is remembered: put it back
    await page.close();
  } finally {
    phicode.kill();
  }
});
