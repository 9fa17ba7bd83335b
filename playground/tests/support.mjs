// What the playground's end-to-end tests share: the built site (dist/, or PLAYGROUND_DIST)
// served from 127.0.0.1 with the cross-origin isolation headers a host must send, Debian's
// Chromium, pages opened fresh, helpers to edit and run, and axe-core's accessibility check.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../../npm/test/support/browser.mjs';

export const dist = process.env.PLAYGROUND_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
export const shots = fileURLToPath(new URL('../test-results/', import.meta.url));
mkdirSync(shots, { recursive: true });
export const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Starts the server and the browser for the calling test file; `env.server.url` etc. */
export function setup() {
  const env = {};
  before(async () => {
    env.server = await serve(dist, ISOLATION);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export const text = (page, id) =>
  page.evaluate(
    (id) => [...document.querySelectorAll(`#${id} .cm-line`)].map((l) => l.textContent).join('\n'),
    id,
  );

/** A new page at `url`; `keep` keeps the work an earlier page saved (else it starts afresh). */
export async function open(env, url = env.server.url, { viewport = DESKTOP, keep = false, scheme } = {}) {
  const page = await env.browser.context.newPage();
  await page.setViewportSize(viewport);
  if (scheme) await page.emulateMedia({ colorScheme: scheme });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Console errors too (an uncaught error in the worker shows there), but not a 404 of the
  // favicon Chromium asks for on the blank page below.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  if (!keep) {
    await page.goto(`${new URL(url).origin}/no-such-page`);
    await page.evaluate(() => localStorage.clear());
    errors.length = 0; // that page's 404
  }
  await page.goto(url);
  await page.waitForSelector('#phi .cm-content');
  page.errors = errors;
  return page;
}

export async function replace(page, id, content) {
  await page.click(`#${id} .cm-content`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (content) await page.keyboard.insertText(content);
}

/** Python is loaded and idle: the status shows no activity (loading, running, stopping). */
export const ready = (page) =>
  page.waitForFunction(
    () => {
      const status = document.getElementById('status');
      return status.textContent !== '' && !status.classList.contains('busy');
    },
    null,
    { timeout: 90_000 },
  );

/** Clicks Run once Python is loaded; `finished(page)` then waits for that run to end. */
export async function runAndWait(page, { wait = true } = {}) {
  if (wait) await ready(page);
  page.runs = await page.evaluate(() => Number(document.body.dataset.runs ?? 0));
  await page.click('#run');
}

export const finished = (page, timeout = 30_000) =>
  page.waitForFunction((runs) => Number(document.body.dataset.runs ?? 0) > runs, page.runs, { timeout });

export const output = (page) => page.textContent('#output');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations of impact serious or critical, as `id: target` lines. */
export async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim()})`));
}

export { assert };
