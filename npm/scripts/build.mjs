// Builds the npm package from scratch into npm/dist: the wasm32 release build of
// phicode-wasm, wasm-bindgen (web target: ES module glue), wasm-opt -O3 (npm binaryen, never
// Debian's; -O3 measured both smaller and ~25% faster than -Oz on this module), the entry points (ESM for browsers, bundlers and Node, a CommonJS bundle made
// by esbuild, a variant with the wasm inlined) and the hand-written types.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const WASM_BINDGEN = '0.2.130';
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const root = join(pkg, '..');
const dist = join(pkg, 'dist');
const require = createRequire(import.meta.url);

function run(cmd, args, options = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
}

function wasmBindgen() {
  let found = '';
  try {
    found = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported below with the install command.
  }
  if (found !== `wasm-bindgen ${WASM_BINDGEN}`) {
    throw new Error(
      `need wasm-bindgen ${WASM_BINDGEN} (found: ${found || 'none'}); install it with\n` +
        `  cargo install wasm-bindgen-cli --version =${WASM_BINDGEN}`,
    );
  }
}

wasmBindgen();
const metadata = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps']));
// SIMD (memchr's and simdutf8's wasm paths, the UTF-16 transcoder's) is in every browser
// since 2023 and in Node ≥ 16.4.
const rustflags = `${process.env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?? ''} -C target-feature=+simd128`;
// Size for everything but the hot path: the core, memchr and simdutf8 keep opt-level 3 (same
// speed as an all-3 build, 7% smaller gzipped; simdutf8 at 3 checks bytes sources ~3% faster
// end to end), the rest of the module is built for size. This crate at 3 came out smaller
// (95.4 kB gzipped against 99.1 kB at "s", same speed): measure before moving a crate.
const profile = [
  'profile.release.opt-level="s"',
  'profile.release.package.phicode-core.opt-level=3',
  'profile.release.package.memchr.opt-level=3',
  'profile.release.package.simdutf8.opt-level=3',
  'profile.release.package.phicode-wasm.opt-level=3',
].flatMap((setting) => ['--config', setting]);
const target = ['--target', 'wasm32-unknown-unknown'];
run('cargo', ['build', '--release', ...target, '-p', 'phicode-wasm', ...profile], {
  stdio: 'inherit',
  env: { ...process.env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: rustflags.trim() },
});
const built = join(metadata.target_directory, 'wasm32-unknown-unknown/release/phicode_wasm.wasm');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dist, '--out-name', 'phicode', built]);
const wasmFile = join(dist, 'phicode_bg.wasm');
const raw = readFileSync(wasmFile).length;
const wasmOpt = join(dirname(require.resolve('binaryen/package.json')), 'bin', 'wasm-opt');
run(wasmOpt, ['-O3', '--strip-debug', '--strip-producers', wasmFile, '-o', wasmFile]);

for (const file of ['api.js', 'positions.js', 'web.js', 'node.mjs', 'node-cjs.js']) {
  copyFileSync(join(pkg, 'src', file), join(dist, file));
}
const wasm = readFileSync(wasmFile);
const inline = readFileSync(join(pkg, 'src', 'inline.js'), 'utf8');
if (inline.split('__PHICODE_WASM_BASE64__').length !== 2) throw new Error('src/inline.js: one placeholder expected');
// Bundled with its own copy of the glue: a single file, and an instance of its own even on
// a page that also loads web.js.
writeFileSync(join(dist, 'inline-src.js'), inline.replace('__PHICODE_WASM_BASE64__', () => wasm.toString('base64')));
await build({
  entryPoints: [join(dist, 'inline-src.js')],
  outfile: join(dist, 'inline.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
rmSync(join(dist, 'inline-src.js'));
await build({
  entryPoints: [join(dist, 'node-cjs.js')],
  outfile: join(dist, 'node.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  // The glue's default wasm URL uses import.meta, which CommonJS lacks; node.cjs always
  // passes the bytes itself, so that branch never runs.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
});
rmSync(join(dist, 'node-cjs.js'));
const types = readFileSync(join(pkg, 'types', 'index.d.ts'), 'utf8');
writeFileSync(join(dist, 'index.d.ts'), types);
writeFileSync(join(dist, 'index.d.cts'), types);

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const gzipped = gzipSync(wasm, { level: 9 }).length;
console.log(
  `phicode_bg.wasm: ${kb(raw)} from wasm-bindgen, ${kb(wasm.length)} after wasm-opt -O3, ` +
    `${kb(gzipped)} gzipped (budget 100 kB)`,
);
if (gzipped > 100_000) {
  // A budget is only one if crossing it stops the build.
  console.error('error: phicode_bg.wasm is over its 100 kB gzipped budget');
  process.exit(1);
}
