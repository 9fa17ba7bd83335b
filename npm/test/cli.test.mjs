// The `phicode convert` command of the package (bin/phicode.mjs), run as a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/phicode.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'phicode-cli-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (args, input) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input });

test('convert prints the Python of a φ file', () => {
  const out = run(['convert', file('hello.φ', '∀ x ∈ ⟪(3):\n    π(x)\n')]);
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout, 'for x in range(3):\n    print(x)\n');
  assert.equal(out.stderr, '');
});

test('a .py file goes to φ, and -o writes a file', () => {
  const target = join(dir, 'out.φ');
  const out = run(['convert', file('a.py', 'if x: pass\n'), '-o', target]);
  assert.equal(out.status, 0, out.stderr);
  assert.equal(readFileSync(target, 'utf8'), '¿ x: ⋯\n');
});

test('standard input, a dialect and --to', () => {
  const dialect = file('es.json', '{"symbols": {"if": "si"}}');
  const out = run(['convert', '-', '--dialect', dialect, '--to', 'phicode'], 'if x: pass');
  assert.equal(out.stdout, 'si x: ⋯');
});

test('problems are FILE:LINE:COLUMN messages and a failing status', () => {
  const py = file('bad.py', 'x = 1\nπ = 3\n');
  const refused = run(['convert', py]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, new RegExp(`${py}:2:1: the name \`π\``));
  const warned = run(['convert', file('s.φ', "π('abc\n")]);
  assert.equal(warned.status, 0);
  assert.match(warned.stderr, /s\.φ:1:3: warning: unterminated string literal/);
  const dialect = file('bad.json', '{"symbols": {\n"if": "∀"}}');
  const strict = run(['convert', py, '--dialect', dialect, '--strict']);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /bad\.json:2:7: the symbol `∀` for `if` already means `for`/);
  const missing = run(['convert', join(dir, 'nope.φ')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read .*nope\.φ/);
  assert.equal(run(['frobnicate']).status, 1);
});

test('files are read as bytes: not UTF-8 is an error at its place, the rest is kept exactly', () => {
  const broken = file('broken.φ', Buffer.from([0x78, 0x0a, 0x79, 0xff, 0x0a]));
  const out = run(['convert', broken]);
  assert.equal(out.status, 1);
  assert.equal(out.stderr, `phicode: ${broken}:2:2: the source is not valid UTF-8 (byte 3)\n`);
  const exact = file('exact.φ', '\uFEFF¿ x:\r\n    π("é 🐍")\r\n');
  const converted = spawnSync(process.execPath, [bin, 'convert', exact]);
  assert.equal(converted.status, 0, String(converted.stderr));
  assert.deepEqual(converted.stdout, Buffer.from('\uFEFFif x:\r\n    print("é 🐍")\r\n'));
});
