#!/usr/bin/env node
// `phicode convert FILE`: φ → Python (or Python → φ for .py files) on stdout, for Node users
// without the native binary. Problems are reported as FILE:LINE:COLUMN: message. Files are
// converted as bytes: the fastest way, and bytes that are not UTF-8 are an error at their
// place rather than silently replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toPhicode, toPython, version } from '../dist/node.mjs';

const USAGE = `usage: phicode convert FILE [--to python|phicode] [--dialect CONFIG.json] [--strict] [-o OUT]

Converts a φ file to Python (a .py file to φ; --to overrides), printing the result.
FILE may be - for standard input.`;

/** `WHERE:LINE:COLUMN: message` for a problem with a place, `WHERE: message` otherwise
 * (the message without the place or the `phicode: ` it may already start with). */
function place(where, problem) {
  const message = problem.message.replace(/^phicode: /, '');
  if (problem.line === undefined) return `${where}: ${message}`;
  const at = `${problem.line}:${problem.column}`;
  return `${where}:${at}: ${message.startsWith(`${at}: `) ? message.slice(at.length + 2) : message}`;
}

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

function read(path, encoding) {
  try {
    return readFileSync(path === '-' ? 0 : path, encoding);
  } catch (error) {
    return fail(`cannot read ${path}: ${error.message}`);
  }
}

const name = file === '-' ? '<stdin>' : file;
const source = read(file);
const dialect = values.dialect === undefined ? undefined : read(values.dialect, 'utf8');
const options = { dialect, strict: values.strict ?? false, sourceMap: false };
let result;
try {
  result = to === 'python' ? toPython(source, options) : toPhicode(source, options);
} catch (error) {
  const where = error.kind === 'dialect' || error.kind === 'json' ? values.dialect : name;
  const lines = (error.problems ?? error.issues ?? [error]).map((p) => place(where, p));
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
