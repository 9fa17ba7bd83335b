#!/usr/bin/env node
// `phicode convert FILE`: φ → Python (or Python → φ for .py files) on stdout, for Node users
// without the native binary. Problems are reported as FILE:LINE:COLUMN: message.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toPhicode, toPython, version } from '../dist/node.mjs';

const USAGE = `usage: phicode convert FILE [--to python|phicode] [--dialect CONFIG.json] [--strict] [-o OUT]

Converts a φ file to Python (a .py file to φ; --to overrides), printing the result.
FILE may be - for standard input.`;

function fail(message) {
  process.stderr.write(`phicode: ${message}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      dialect: { type: 'string' },
      strict: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.version) {
  console.log(`phicode ${version()}`);
  process.exit(0);
}
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const [command, file, ...rest] = positionals;
if (command !== 'convert' || !file || rest.length) fail(`expected \`convert FILE\`\n${USAGE}`);
const to = values.to ?? (file.endsWith('.py') ? 'phicode' : 'python');
if (to !== 'python' && to !== 'phicode') fail(`--to is python or phicode, not \`${to}\``);

function read(path) {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    return fail(`cannot read ${path}: ${error.message}`);
  }
}

const name = file === '-' ? '<stdin>' : file;
const source = read(file);
const dialect = values.dialect === undefined ? undefined : read(values.dialect);
const options = { dialect, strict: values.strict ?? false, sourceMap: false };
let result;
try {
  result = to === 'python' ? toPython(source, options) : toPhicode(source, options);
} catch (error) {
  const where = error.kind === 'round_trip' ? name : values.dialect;
  const lines = (error.problems ?? error.issues ?? [error]).map(
    (p) => `${where}:${p.line ?? 1}:${p.column ?? 1}: ${p.message}`,
  );
  fail(`${lines.join('\n')}`);
}
for (const w of result.warnings) {
  process.stderr.write(`${values.dialect}:${w.line}:${w.column}: warning: ${w.message}\n`);
}
for (const d of result.diagnostics) {
  process.stderr.write(`${name}:${d.line}:${d.column}: warning: ${d.message}\n`);
}
if (values.output) writeFileSync(values.output, result.code);
else process.stdout.write(result.code);
