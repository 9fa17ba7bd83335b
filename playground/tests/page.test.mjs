// End-to-end tests of the page around the programs: damaged share links, dialect mistakes,
// syntax errors marked while typing, examples that ask first, work kept across a reload,
// the welcome and help, the skip link and accessible names.
import { test } from 'node:test';
import { assert, open, ready, replace, setup, shots, text } from './support.mjs';

const env = setup();

/** The message of the lint mark in `id`'s editor (hovered to show it). */
async function lintMessage(page, id, kind = 'error') {
  await page.hover(`#${id} .cm-lintRange-${kind}`);
  const tooltip = await page.waitForSelector('.cm-tooltip-lint');
  return tooltip.textContent();
}

test('a damaged share link says so and leaves a working page', async () => {
  const garbage = await open(env, `${env.server.url}#code=garbage!!!&dialect=zzz`);
  assert.match(await garbage.textContent('#notice'), /could not be read: the link is damaged or cut short/);
  assert.match(await text(garbage, 'phi'), /greet/, 'the default program instead');
  assert.ok((await garbage.$$('#palette button')).length >= 48, 'the palette is there');
  assert.deepEqual(garbage.errors, []);
  // A good link, then the same link cut inside the program, and inside the dialect.
  await garbage.click('#dialect-panel summary');
  await replace(garbage, 'dialect', '{"symbols": {"print": "imprimir"}}');
  await replace(garbage, 'phi', 'imprimir("a program long enough to be cut somewhere in its middle")');
  await garbage.click('#share');
  const url = garbage.url();
  await garbage.close();
  const hash = new URL(url).hash;
  const codeEnd = hash.indexOf('&dialect=');
  const cutInCode = await open(env, url.replace(hash, hash.slice(0, Math.floor(codeEnd / 2))));
  assert.match(await cutInCode.textContent('#notice'), /program could not be read/);
  assert.match(await text(cutInCode, 'phi'), /greet/);
  await cutInCode.close();
  const cutInDialect = await open(env, url.replace(hash, hash.slice(0, codeEnd + 15)));
  assert.match(await cutInDialect.textContent('#notice'), /dialect could not be read/);
  assert.equal(await text(cutInDialect, 'phi'), 'imprimir("a program long enough to be cut somewhere in its middle")');
  await cutInDialect.close();
  const whole = await open(env, url);
  assert.ok(await whole.isHidden('#notice'));
  assert.equal(await text(whole, 'python'), 'print("a program long enough to be cut somewhere in its middle")');
  await whole.close();
});

test('dialect mistakes are told: an unknown key, an unknown word, a dialect word used as a name', async () => {
  const page = await open(env);
  await page.click('#dialect-panel summary');
  await replace(page, 'dialect', '{"symbolz": {"if": "si"}}');
  await page.waitForSelector('#dialect .cm-lintRange-warning');
  assert.match(await page.textContent('#dialect-issues'), /1:2 unknown key `symbolz`: a dialect has only `symbols`/);
  assert.equal(await page.textContent('#dialect-summary'), '0 words, 1 issue');
  await replace(page, 'dialect', '{"symbols": {"iff": "si"}}');
  await page.waitForFunction(() => /`iff` is not a Python keyword or built-in/.test(document.getElementById('dialect-issues').textContent));
  await replace(page, 'dialect', '{"symbols": {"if": "si"}}');
  await replace(page, 'phi', 'si = 3\n');
  await ready(page);
  await page.waitForSelector('#phi .cm-lintRange-error', { timeout: 10_000 });
  assert.match(await lintMessage(page, 'phi'), /SyntaxError: invalid syntax \(`si` is this dialect's word for `if`, so it cannot be a name\)/);
  await page.screenshot({ path: `${shots}dialect-word-as-name.png` });
  await page.close();
});

test('syntax errors are marked while typing, at φ columns', async () => {
  const page = await open(env);
  await ready(page);
  await replace(page, 'phi', 'π(1 2)\n');
  await page.waitForSelector('#phi .cm-lintRange-error', { timeout: 10_000 });
  assert.equal(await page.textContent('#phi .cm-lintRange-error'), '1 2');
  assert.match(await lintMessage(page, 'phi'), /SyntaxError: invalid syntax\. Perhaps you forgot a comma\?/);
  await replace(page, 'phi', '¿ x\n');
  await page.waitForSelector('#phi .cm-lintRange-error', { timeout: 10_000 });
  assert.equal(await page.textContent('#phi .cm-lintRange-error'), 'x', 'the end of the line: its last character');
  assert.match(await lintMessage(page, 'phi'), /SyntaxError: expected ':'/);
  await replace(page, 'phi', '¿ x: ⋯\n');
  await page.waitForFunction(() => !document.querySelector('#phi .cm-lintRange-error, #phi .cm-lintPoint-error'), null, { timeout: 10_000 });
  await page.close();
});

test('an example asks before replacing edited code; work is kept across a reload', async () => {
  const page = await open(env);
  const asked = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (asked.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  await page.selectOption('#examples', { label: 'Pattern matching' });
  assert.match(await text(page, 'phi'), /⟷ point/, 'unedited: replaced without asking');
  assert.equal(asked.length, 0);
  await replace(page, 'phi', 'π("mine")');
  await page.selectOption('#examples', { label: 'Top-level await' });
  assert.equal(asked.length, 1);
  assert.match(asked[0], /Replace your program with the example “Top-level await”/);
  assert.equal(await text(page, 'phi'), 'π("mine")', 'declined: kept');
  await page.click('#dialect-panel summary');
  await replace(page, 'dialect', '{"symbols": {"print": "imprimir"}}');
  await page.click('#palette-panel summary'); // fold the palette
  await page.waitForTimeout(400); // typing is saved once it pauses
  await page.reload();
  await page.waitForSelector('#phi .cm-content');
  assert.equal(await text(page, 'phi'), 'π("mine")');
  assert.equal(await text(page, 'dialect'), '{"symbols": {"print": "imprimir"}}');
  assert.equal(await page.$eval('#palette-panel', (d) => d.open), false);
  assert.equal(await page.$eval('#dialect-panel', (d) => d.open), true);
  await page.selectOption('#examples', { label: 'Top-level await' });
  assert.equal(asked.length, 2);
  assert.match(await text(page, 'phi'), /asyncio\.gather/, 'accepted: replaced');
  await page.close();
});

test('the welcome says what Phicode is; Help lists every symbol', async () => {
  const page = await open(env);
  assert.match(await page.textContent('#welcome'), /Phicode is Python with a symbolic alphabet/);
  await page.click('#help-button');
  await page.waitForSelector('#help[open]');
  const rows = await page.$$eval('#reference tbody tr', (r) => r.map((row) => row.textContent));
  assert.ok(rows.length >= 48, `${rows.length} symbols`);
  assert.ok(rows.includes('∀for\\for'));
  await page.screenshot({ path: `${shots}help.png` });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#help:not([open])', { state: 'attached' });
  await page.click('#welcome-close');
  await page.reload();
  await page.waitForSelector('#phi .cm-content');
  assert.ok(await page.isHidden('#welcome'), 'hidden stays hidden');
  await page.close();
});

test('the skip link reaches the φ editor; the editors have names; the palette is one Tab stop', async () => {
  const page = await open(env);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the φ editor');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'φ code');
  // Without the skip link: Tab presses from the top of the page to the φ editor.
  await page.evaluate(() => document.activeElement.blur());
  let presses = 0;
  while (presses < 60 && (await page.evaluate(() => document.activeElement.getAttribute('aria-label'))) !== 'φ code') {
    await page.keyboard.press('Tab');
    presses++;
  }
  console.log(`# ${presses} Tab presses from the top to the φ editor`);
  assert.ok(presses <= 16, `${presses} Tab presses`);
  const names = await page.$$eval('.cm-content', (c) => c.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(names, ['φ code', 'Python code', 'Dialect (JSON)']);
  await page.close();
});
