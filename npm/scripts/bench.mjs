// toPython throughput of the npm package in Node next to the native core, in one run, on the
// same generated φ source. The input and the native figures come from the bench crate
// (`phicode-bench gen` and `phicode-bench table --json`, release build); the package must
// be built first (`npm run build`). MB = 10⁶ bytes of φ input per second; the time includes
// passing the strings into and out of wasm, which is what a caller pays.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toPhicode, toPython } from '../dist/node.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10MB' },
    runs: { type: 'string', default: '11' },
    seed: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bench = (args) =>
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'phicode-bench', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });

const dir = mkdtempSync(join(tmpdir(), 'phicode-bench-'));
const phiFile = join(dir, 'input.φ');
bench(['gen', '--size', values.size, '--seed', values.seed, '-o', phiFile]);
const phi = readFileSync(phiFile, 'utf8');
const bytes = Buffer.byteLength(phi);
const phiBytes = readFileSync(phiFile);
rmSync(dir, { recursive: true, force: true });

// The median, and the best run: a 10 MB result lands in memory the allocator hands back
// either reused or fresh from the kernel (page faults: ~10 ms per 20 MB string here), by
// luck of the heap's state, so runs of the same work can differ by that much.
function timed(work) {
  work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], best: times[0] };
}

const python = toPython(phi, { sourceMap: false }).code;
const wasm = {
  to_python: timed(() => toPython(phi, { sourceMap: false })),
  to_python_bytes: timed(() => toPython(phiBytes, { sourceMap: false })),
  // The map is read, so the cost of building its objects is counted.
  to_python_with_map: timed(() => toPython(phi).sourceMap),
  to_phicode: timed(() => toPhicode(python, { sourceMap: false })),
};
const rows = JSON.parse(
  bench(['table', '--sizes', values.size, '--seed', values.seed, '--runs', values.runs, '--json']),
);
const native = Object.fromEntries(rows.map((row) => [row.operation, row]));

const mbs = (inputBytes, seconds) => inputBytes / seconds / 1e6;
const pythonBytes = Buffer.byteLength(python);
const lines = [
  ['φ → Python (strings)', bytes, 'to_python'],
  ['φ → Python (bytes)', bytes, 'to_python_bytes', 'to_python'],
  ['φ → Python + column map', bytes, 'to_python_with_map'],
  ['Python → φ', pythonBytes, 'to_phicode'],
].map(([label, inputBytes, op, nativeOp = op]) => {
  const w = mbs(inputBytes, wasm[op].median);
  const best = mbs(inputBytes, wasm[op].best);
  const n = native[nativeOp]?.mb_per_s;
  const nText = n === undefined ? '-' : n.toFixed(1);
  const ratio = n === undefined ? '-' : `${((w / n) * 100).toFixed(0)}%`;
  return `${label.padEnd(26)} ${String(inputBytes).padStart(10)} ${w.toFixed(1).padStart(10)} ${best.toFixed(1).padStart(10)} ${nText.padStart(10)} ${ratio.padStart(8)}`;
});
console.log(`Node ${process.version}, median (and best) of ${runs} runs, seed ${values.seed}; MB = 10⁶ bytes`);
console.log(`${'operation'.padEnd(26)} ${'input B'.padStart(10)} ${'wasm MB/s'.padStart(10)} ${'best'.padStart(10)} ${'native'.padStart(10)} ${'wasm/nat'.padStart(8)}`);
console.log(lines.join('\n'));
