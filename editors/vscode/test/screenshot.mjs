// Renders a φ sample with the extension's grammar through shiki (the TextMate engine VS
// Code uses) into an HTML page, and screenshots it in Debian's Chromium with playwright-core:
//   node test/screenshot.mjs [out.png]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHighlighter } from 'shiki';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const grammar = JSON.parse(fs.readFileSync(path.join(here, '../syntaxes/phicode.tmLanguage.json'), 'utf8'));
const sample = fs.readFileSync(path.join(here, 'sample.φ'), 'utf8');
const out = process.argv[2] || path.join(here, '../out/grammar.png');

const highlighter = await createHighlighter({
  themes: ['dark-plus'],
  langs: [{ ...grammar, name: 'phicode' }],
});
const code = highlighter.codeToHtml(sample, { lang: 'phicode', theme: 'dark-plus' });
const html = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; background: #1e1e1e; }
  pre { margin: 0; padding: 16px 20px; font: 15px/1.5 'DejaVu Sans Mono', 'Symbola', monospace; }
</style>${code}`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out.replace(/\.png$/, '.html'), html);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 900, height: 200 } });
await page.setContent(html);
await page.locator('pre').screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
