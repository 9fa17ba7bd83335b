// End-to-end tests of heavy output: the page stays responsive while a program prints a
// million lines (the keystroke and Stop latencies are measured and printed, not asserted),
// the pane keeps a bounded tail and says how many lines it does not show, output written
// before a long computation shows at once, and the editors keep their size.
import { test } from 'node:test';
import { assert, finished, open, output, ready, replace, runAndWait, setup, shots, text } from './support.mjs';

const env = setup();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('printing 1 000 000 lines: typing and Stop answer while it runs', async () => {
  const page = await open(env);
  await replace(page, 'phi', '∀ i ∈ ⟪(1000000): π(i)\n');
  await runAndWait(page);
  const long = { polling: 'raf', timeout: 120_000 };
  await page.waitForFunction(() => document.getElementById('output').textContent.length > 100, null, long);
  // Keystrokes in the φ editor while the output pours in: from the key to the letter shown.
  await page.click('#phi .cm-content');
  await page.keyboard.press('Control+End');
  const keys = [];
  let status = '';
  for (let i = 0; i < 8; i++) {
    const before = (await text(page, 'phi')).length;
    const start = Date.now();
    await page.keyboard.type('x');
    await page.waitForFunction((n) => [...document.querySelectorAll('#phi .cm-line')].map((l) => l.textContent).join('\n').length > n, before, long);
    keys.push(Date.now() - start);
    if (i === 0) status = await page.textContent('#status');
  }
  // Stop: from the click to the page answering, and to the program stopped.
  const box = await page.$eval('#stop', (b) => {
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const start = Date.now();
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction(() => /Stopp/.test(document.getElementById('status').textContent), null, long);
  const answered = Date.now() - start;
  await page.waitForFunction(() => document.getElementById('output').textContent.includes('[stopped]'), null, long);
  const stopped = Date.now() - start;
  console.log(
    `# 1 000 000 lines: keystroke shown in ${median(keys)} ms median, ${Math.max(...keys)} ms worst (${keys.join(', ')}); ` +
      `Stop answered in ${answered} ms, program stopped in ${stopped} ms`,
  );
  assert.equal(status, 'Running…', 'the program was still running while typing');
  assert.equal(await page.textContent('#status'), 'Stopped');
  const rows = await page.$$eval('#output .row', (r) => r.length);
  assert.ok(rows > 0 && rows < 200, `only the rows in view are in the page (${rows})`);
  assert.match(await page.textContent('#output-notice'), /^[\d,]+ earlier lines not shown \(the last 10,000 are kept\)/);
  await page.screenshot({ path: `${shots}million-lines-stopped.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('30 000 lines: the pane keeps the last 10 000 and says so; the editors keep their size', async () => {
  const page = await open(env);
  const height = () => page.$eval('#phi', (e) => e.getBoundingClientRect().height);
  const before = await height();
  await replace(page, 'phi', '∀ i ∈ ⟪(30000): π(i)\n');
  await runAndWait(page);
  await finished(page, 60_000);
  assert.equal(await page.textContent('#status'), 'Finished');
  assert.equal(await page.textContent('#output-notice'), '20,000 earlier lines not shown (the last 10,000 are kept)');
  assert.ok(await page.isVisible('#output-notice'));
  assert.match(await output(page), /29998\n29999\n$/);
  await page.$eval('#output', (pane) => (pane.scrollTop = 0));
  await page.waitForFunction(() => document.querySelector('#output .row')?.textContent === '20000\n');
  assert.equal(await height(), before, 'the φ editor did not shrink');
  await page.close();
});

test('output written before a long computation shows while it computes', async () => {
  const page = await open(env);
  await replace(page, 'phi', 'π("a")\nπ("b")\n↻ ✓: ⋯\n');
  await runAndWait(page);
  await page.waitForFunction(() => document.getElementById('output').textContent === 'a\nb\n', null, { timeout: 10_000 });
  assert.equal(await page.textContent('#status'), 'Running…');
  await page.click('#stop');
  await page.waitForFunction(() => document.getElementById('output').textContent.includes('[stopped]'));
  assert.equal(await output(page), 'a\nb\n[stopped]\n');
  await page.close();
});

test('a line of a million characters is cut, and the notice says how much', async () => {
  const page = await open(env);
  await replace(page, 'phi', 'π("x" * 1000000)\nπ("end")\n');
  await runAndWait(page);
  await finished(page);
  assert.match(await page.textContent('#output-notice'), /^996,000 characters of over-long lines not shown$/);
  assert.match(await output(page), /^x{4000}\nend\n$/);
  await ready(page);
  await page.close();
});
