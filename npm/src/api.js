// The package's functions, the same for every entry point: the wasm exports, with the
// column map turned into objects when first read, and the column-map helpers. An entry
// point instantiates the wasm before re-exporting these.
import * as wasm from './phicode.js';

export { symbols, validateDialect, version } from './phicode.js';
export { mapToPhicode, mapToPython } from './positions.js';

/** φ → Python: see phicode.d.ts. */
export function toPython(source, options) {
  if (utf16 && typeof source === 'string') return viaUtf16(wasm.toPythonUtf16, source, options);
  return withSourceMap(wasm.toPython(source, options));
}

/** Python → φ: see phicode.d.ts. */
export function toPhicode(source, options) {
  if (utf16 && typeof source === 'string') return viaUtf16(wasm.toPhicodeUtf16, source, options);
  return withSourceMap(wasm.toPhicode(source, options));
}

// Node makes strings from UTF-8 at ~350 MB/s and encodes them at ~1 GB/s, but copies UTF-16
// at several GB/s. So there a string source is written into wasm memory as UTF-16 units (the
// wasm makes the UTF-8), and the code is left there as UTF-16 units (or, when ASCII, as
// bytes that make a one-byte string) that become the string with no copy in between, then
// are released. Elsewhere (browsers, or a `Buffer` polyfill
// in a bundle) strings cross as wasm-bindgen passes them, as UTF-8.
const utf16 = typeof process === 'object' && typeof process.versions?.node === 'string'
  && typeof Buffer === 'function';
let memory;

function viaUtf16(convert, source, options) {
  memory ??= wasm.wasmMemory();
  const at = wasm.utf16Input(source.length);
  // Read `memory.buffer` only now: reserving the room may have grown (and replaced) it.
  const units = Buffer.from(memory.buffer, at, source.length * 2).write(source, 'utf16le') / 2;
  const result = convert(units, options);
  try {
    const { code, codeUnits, codeAscii } = result;
    const text = Buffer.from(memory.buffer, code, codeAscii ? codeUnits : codeUnits * 2);
    result.code = text.toString(codeAscii ? 'latin1' : 'utf16le');
  } finally {
    wasm.releaseUtf16();
  }
  delete result.codeUnits;
  delete result.codeAscii;
  return withSourceMap(result);
}

// The wasm hands the map over as numbers (`line, count`, then per segment `phicodeColumn,
// phicodeLen, pythonColumn, pythonLen`): one typed array instead of an object per segment
// built across the wasm boundary. `sourceMap` is made from it on first read, then kept.
function withSourceMap(result) {
  const data = result.sourceMapData;
  if (data === undefined) return result;
  delete result.sourceMapData;
  // Read or written, the accessor gives way to a plain data property.
  const settle = (value) => {
    Object.defineProperty(result, 'sourceMap', { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(result, 'sourceMap', {
    enumerable: true,
    configurable: true,
    get: () => settle({ lines: decode(data) }),
    set: settle,
  });
  return result;
}

function decode(data) {
  const lines = [];
  for (let i = 0; i < data.length; ) {
    const line = data[i];
    const count = data[i + 1];
    i += 2;
    const segments = new Array(count);
    for (let k = 0; k < count; k++, i += 4) {
      segments[k] = {
        phicodeColumn: data[i],
        phicodeLen: data[i + 1],
        pythonColumn: data[i + 2],
        pythonLen: data[i + 3],
      };
    }
    lines.push({ line, segments });
  }
  return lines;
}
