// End-to-end tests of how the page looks and reads: dark mode (the system's preference and
// the toggle), the phone layout (390×844: palette folded, nothing wider than the screen,
// output brought into view, Stop and Send reachable), and axe-core on both layouts, light
// and dark, with no serious or critical violation. Screenshots of each go to test-results/.
import { test } from 'node:test';
import { assert, DESKTOP, finished, open, PHONE, replace, runAndWait, seriousViolations, setup, shots } from './support.mjs';

const env = setup();

const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const DARK = 'rgb(15, 23, 42)';
const LIGHT = 'rgb(248, 250, 252)';

test('dark mode follows the system, and the toggle overrides it and is kept', async () => {
  const page = await open(env, undefined, { scheme: 'dark' });
  assert.equal(await background(page), DARK);
  assert.equal(await page.textContent('#theme'), '◐ Theme: auto');
  await page.click('#theme');
  assert.equal(await background(page), LIGHT, 'light, whatever the system says');
  await page.click('#theme');
  assert.equal(await background(page), DARK);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await page.waitForSelector('#phi .cm-content');
  assert.equal(await background(page), DARK, 'the choice is kept');
  assert.equal(await page.textContent('#theme'), '☾ Theme: dark');
  await page.click('#theme');
  assert.equal(await background(page), LIGHT, 'auto again: the system is light');
  await page.close();
});

/** Visible elements whose box sticks out of the viewport on the right. */
const overflowing = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => {
        if (e.closest('.cm-scroller, #output, dialog:not([open])')) return false; // they scroll
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.right > innerWidth + 0.5;
      })
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
  );

test('on a phone: palette folded, nothing cut off, output brought into view, Stop and Send reachable', async () => {
  const page = await open(env, undefined, { viewport: PHONE });
  assert.equal(await page.$eval('#palette-panel', (d) => d.open), false, 'the palette starts folded');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  assert.deepEqual(await overflowing(page), []);
  await page.screenshot({ path: `${shots}phone-top.png` });
  await replace(page, 'phi', 'name = input("name? ")\n∀ i ∈ ⟪(50): π(i, name)\n');
  await runAndWait(page);
  await page.waitForSelector('#stdin:not([hidden])');
  const inView = (selector) =>
    page.$eval(selector, (e) => {
      const box = e.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
    });
  assert.ok(await inView('#stdin button'), 'Send is on the screen');
  assert.ok(await inView('#output'), 'the output was brought into view');
  assert.ok(await inView('#stop'), 'Stop stays reachable (the header sticks)');
  assert.deepEqual(await overflowing(page), []);
  await page.fill('#stdin-line', 'Ada');
  await page.screenshot({ path: `${shots}phone-input.png` });
  await page.press('#stdin-line', 'Enter');
  await finished(page);
  assert.match(await page.textContent('#output'), /49 Ada\n$/);
  await page.close();
});

for (const [layout, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  for (const scheme of ['light', 'dark']) {
    test(`axe-core: no serious or critical violation (${layout}, ${scheme})`, async () => {
      const page = await open(env, undefined, { viewport, scheme });
      await page.click('#dialect-panel summary');
      await replace(page, 'dialect', '{"symbols": {"if": "si", "iff": "sii"}}');
      await replace(page, 'phi', '# a comment\nsi ✓:\n    π("hi", 42)\n');
      await runAndWait(page);
      await finished(page);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${shots}${layout}-${scheme}.png`, fullPage: layout === 'phone' });
      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });
  }
}
