// The package's behaviour, written once and run against each entry point (CommonJS,
// ES module, inlined wasm) by the *.test.* files beside this one.
const assert = require('node:assert/strict');
const { test } = require('node:test');

const SPANISH = '{\n  "symbols": {\n    "if": "si",\n    "else": "sino",\n    "print": "imprimir"\n  }\n}';

// `source` with each lone surrogate as U+FFFD, as `TextEncoder` reads it (what
// `String#toWellFormed` does from Node 20 on).
const wellFormed = (source) =>
  source.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

// A seeded generator (mulberry32), so a failure names a seed that reproduces it.
function random(seed) {
  let a = seed >>> 0;
  return (below) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % below);
  };
}

module.exports = function behaviour(api, entry) {
  const { toPython, toPhicode, symbols, validateDialect, version, mapToPhicode, mapToPython } =
    api;

  test(`${entry}: φ → Python replaces symbols in code only`, () => {
    const result = toPython("∀ x ∈ xs:\n    π('¿ ∀', x)  # ∀ stays\n");
    assert.equal(result.code, "for x in xs:\n    print('¿ ∀', x)  # ∀ stays\n");
    assert.deepEqual(
      result.symbolsUsed.map((e) => [e.symbol, e.python, e.kind, e.origin]),
      [
        ['∀', 'for', 'glue', 'default'],
        ['∈', 'in', 'glue', 'default'],
        ['π', 'print', 'glue', 'default'],
      ],
    );
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.warnings, []);
  });

  test(`${entry}: glued symbols get spaces, CRLF survives`, () => {
    assert.equal(toPython('¿x∈xs∧¬y:\r\n  ⟲x≔1').code, 'if x in xs and not y:\r\n  return x:=1');
    assert.equal(toPython('').code, '');
  });

  test(`${entry}: UTF-8 bytes in, bytes out`, () => {
    const bytes = new TextEncoder().encode('∀ x ∈ xs: π("ℓ")');
    const result = toPython(bytes);
    assert.ok(result.code instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(result.code), 'for x in xs: print("ℓ")');
    assert.equal(result.symbolsUsed.length, 3);
    const back = toPhicode(result.code);
    assert.deepEqual(back.code, bytes);
    assert.throws(
      () => toPython(new Uint8Array([0x78, 0x0a, 0x20, 0xff])),
      (error) => error.kind === 'utf8' && error.line === 2 && error.column === 2,
    );
    assert.throws(() => toPython(42), TypeError);
  });

  test(`${entry}: string results carry every character the bytes path does`, () => {
    // In Node, string results cross from the wasm as UTF-16 units: astral characters
    // become surrogate pairs, and sizes past any buffer boundary must come back whole.
    const line = "π('🐍 𝕟 ½ é', größe)  # 東京 🎉\r\n¿ x∈xs: ⟲ 'ü'\n";
    const utf8 = (text) => Buffer.from(text, 'utf8');
    for (const phi of ['', 'x', '🐍', line, line.repeat(3000)]) {
      const viaBytes = Buffer.from(toPython(utf8(phi)).code).toString('utf8');
      const viaString = toPython(phi).code;
      assert.equal(typeof viaString, 'string');
      assert.equal(viaString, viaBytes);
      const back = toPhicode(viaString).code;
      assert.equal(back, Buffer.from(toPhicode(utf8(viaString)).code).toString('utf8'));
      assert.equal(back, phi.replaceAll('x∈xs', 'x ∈ xs'));
    }
    assert.equal(toPython('π("🐍")').code, 'print("🐍")');
    for (let i = 0; i < 200; i++) assert.equal(toPython(line).code.length, 59);
  });

  test(`${entry}: every character width at every offset of a 16-byte block`, () => {
    // The wasm turns UTF-8 into UTF-16 16 bytes at a time: a character may start at any
    // place in a block, or straddle two, and text may end anywhere in one.
    const utf8 = (text) => Buffer.from(text, 'utf8');
    for (const c of ['é', '€', '東', '🐍', '𝕟', '\u{10FFFF}']) {
      for (let at = 0; at < 40; at++) {
        const phi = `${'a'.repeat(at)}${c}${'b'.repeat(at % 7)}¿ x: π('${c}${c}')\n${'c'.repeat(40 - at)}`;
        const viaBytes = Buffer.from(toPython(utf8(phi)).code).toString('utf8');
        assert.equal(toPython(phi).code, viaBytes, `${c} at ${at}`);
        const backViaBytes = Buffer.from(toPhicode(utf8(viaBytes)).code).toString('utf8');
        assert.equal(toPhicode(viaBytes).code, backViaBytes, `${c} at ${at}`);
        assert.ok(viaBytes.includes(`print('${c}${c}')`), `${c} at ${at}`);
      }
    }
  });

  test(`${entry}: a lone surrogate in a string source reads as U+FFFD`, () => {
    // As TextEncoder does: the string is turned into UTF-8 on the way in.
    assert.equal(toPython("π('\uD83D', '\uDC0D' + x)\uD800").code, "print('\uFFFD', '\uFFFD' + x)\uFFFD");
    assert.equal(toPhicode('x = "\uDFFF\uD800"').code, 'x = "\uFFFD\uFFFD"');
    assert.equal(toPython('🐍\uD83D').code, '🐍\uFFFD');
    // Anywhere in a block of the wasm's 16-unit steps, alone, before a pair, or in a run.
    for (let at = 0; at < 40; at++) {
      for (const odd of ['\uD800', '\uDBFF\uD83D\uDC0D', '\uDC00\uDC00', '東\uD800京']) {
        const source = `${'a'.repeat(at)}π('${odd}')${'b'.repeat(40)}`;
        const fixed = wellFormed(source);
        const viaBytes = Buffer.from(toPython(Buffer.from(fixed, 'utf8')).code).toString('utf8');
        assert.equal(toPython(source).code, viaBytes, `${JSON.stringify(odd)} at ${at}`);
        assert.ok(viaBytes.includes("print('"), viaBytes);
      }
    }
  });

  test(`${entry}: dense non-ASCII runs and long ASCII runs convert the same as bytes`, () => {
    const utf8 = (text) => Buffer.from(text, 'utf8');
    const texts = [
      `# ${'東京大学の学生'.repeat(40)}\n¿ x: π('${'ελληνικά'.repeat(30)}')\n`,
      `${'x = 1\n'.repeat(500)}π('${'🐍'.repeat(100)}')\n${'y'.repeat(1000)}`,
      Array.from({ length: 3000 }, (_, i) => (i % 3 ? 'ab' : '∀é🐍')).join(''),
    ];
    for (const phi of texts) {
      const python = toPython(phi).code;
      assert.equal(python, Buffer.from(toPython(utf8(phi)).code).toString('utf8'));
      assert.equal(toPhicode(python).code, Buffer.from(toPhicode(utf8(python)).code).toString('utf8'));
    }
  });

  test(`${entry}: random text converts the same as a string as it does as UTF-8 bytes`, () => {
    // Strings cross through the wasm's own UTF-16 ⇄ UTF-8 code; bytes do not. Text drawn
    // from code, quotes, every UTF-8 width and lone surrogates must come out the same.
    const pool = ['a', 'x', '1', ' ', '\n', '\r\n', '\t', '(', ')', ':', '"', "'", '#', '{', '}',
      'f', 'rb', '\\', 'é', '€', '東', '🐍', '𝕟', '∀', 'π', '¿', '≔', '¬', '\uD800', '\uDC00'];
    const utf8 = (text) => Buffer.from(text, 'utf8');
    const outcome = (convert, source) => {
      try {
        const { code } = convert(source);
        return typeof code === 'string' ? code : Buffer.from(code).toString('utf8');
      } catch (error) {
        return `threw ${error.kind} at ${error.line}:${error.column}`;
      }
    };
    for (let seed = 1; seed <= 600; seed++) {
      const next = random(seed);
      const length = next(seed % 10 === 0 ? 400 : 60);
      const source = Array.from({ length }, () => pool[next(pool.length)]).join('');
      for (const convert of [toPython, toPhicode]) {
        const viaBytes = outcome(convert, utf8(wellFormed(source)));
        assert.equal(outcome(convert, source), viaBytes, `${convert.name}, seed ${seed}`);
      }
    }
  });

  test(`${entry}: a source too large for wasm memory is a RangeError, and nothing breaks`, () => {
    // A wasm32 module has 4 GiB; an allocation failing there would abort the call (a
    // `RuntimeError: unreachable`). Sizes that cannot fit are refused before any copy.
    const tooLarge = (pattern) => (error) => {
      assert.ok(error instanceof RangeError, String(error));
      assert.equal(error.kind, 'memory');
      assert.match(error.message, pattern);
      return true;
    };
    const big = Buffer.alloc(256 * 2 ** 20 + 1, 'x');
    assert.throws(() => toPython(big, { sourceMap: false }), tooLarge(/268435457 bytes.*up to 268435456 bytes \(256 MiB\)/));
    assert.throws(() => toPhicode(big), tooLarge(/268435457 bytes/));
    const long = 'x'.repeat(256 * 2 ** 20 + 1);
    assert.throws(() => toPython(long, { sourceMap: false }), tooLarge(/268435457 (UTF-16 units|bytes)/));
    // A column map has its own, lower limit.
    const mapped = big.subarray(0, 64 * 2 ** 20 + 1);
    assert.throws(() => toPython(mapped), tooLarge(/column maps .* 67108864 bytes \(64 MiB\).*sourceMap: false/));
    assert.equal(toPython(mapped, { sourceMap: false }).code.length, mapped.length);
    assert.equal(toPython('π(1)').code, 'print(1)');
  });

  test(`${entry}: Python → φ, and back`, () => {
    const python = 'for i in range(3):\n    if i is not None: print(f"{len(x)}")\n';
    const phi = toPhicode(python);
    assert.equal(phi.code, '∀ i ∈ ⟪(3):\n    ¿ i ≡ ¬ Ø: π(f"{ℓ(x)}")\n');
    assert.equal(toPython(phi.code).code, python);
  });

  test(`${entry}: Python → φ refuses what would not round-trip, saying where`, () => {
    assert.throws(
      () => toPhicode('x = 1\nπ = 3.14\ny = λ'),
      (error) => {
        assert.ok(error instanceof Error);
        assert.equal(error.kind, 'round_trip');
        assert.equal(error.line, 2);
        assert.equal(error.column, 1);
        assert.match(error.message, /2 place\(s\).*first at 2:1/);
        assert.deepEqual(
          error.problems.map((p) => [p.line, p.column, p.kind]),
          [
            [2, 1, 'symbol_in_name'],
            [3, 5, 'symbol_in_name'],
          ],
        );
        return true;
      },
    );
  });

  test(`${entry}: unterminated strings are diagnostics at their φ position`, () => {
    const result = toPython("π(1)\nx = '¿ abc\n¿ y: ⋯\n");
    assert.equal(result.code, "print(1)\nx = '¿ abc\nif y: pass\n");
    assert.deepEqual(result.diagnostics, [
      { line: 2, column: 5, kind: 'unterminated_string', message: 'unterminated string literal' },
    ]);
  });

  test(`${entry}: column map between φ and Python positions`, () => {
    const result = toPython('∀ x ∈ xs: π(x)\n¿ y: ⋯');
    assert.equal(result.code, 'for x in xs: print(x)\nif y: pass');
    assert.deepEqual(result.sourceMap.lines[0].segments[0], {
      phicodeColumn: 1,
      phicodeLen: 1,
      pythonColumn: 1,
      pythonLen: 3,
    });
    const map = result.sourceMap;
    assert.deepEqual(mapToPhicode(map, { line: 1, column: 10 }), { line: 1, column: 7 });
    assert.deepEqual(mapToPhicode(map, { line: 1, column: 16 }), { line: 1, column: 11 });
    assert.deepEqual(mapToPhicode(map, { line: 1, column: 20 }), { line: 1, column: 13 });
    assert.deepEqual(mapToPhicode(map, { line: 2, column: 4 }), { line: 2, column: 3 });
    assert.deepEqual(mapToPython(map, { line: 1, column: 13 }), { line: 1, column: 20 });
    assert.deepEqual(mapToPython(map, { line: 9, column: 3 }), { line: 9, column: 3 });
    assert.equal(toPython('π(1)', { sourceMap: false }).sourceMap, undefined);
    const back = toPhicode('print(x)  # x');
    assert.deepEqual(mapToPhicode(back.sourceMap, { line: 1, column: 7 }), { line: 1, column: 3 });
  });

  test(`${entry}: long sources take the 64-byte fast path and convert the same`, () => {
    const phi = `¿ x ∈ "∀#'": π(f"{ℓ(x)}", 'λ')  # ∀ ¬ "\n⟲ ¬x ∧ größe¬∈y  # ''\n`;
    const python = `if x in "∀#'": print(f"{len(x)}", 'λ')  # ∀ ¬ "\nreturn not x and größe not in y  # ''\n`;
    for (const times of [1, 3, 40]) {
      assert.equal(toPython(phi.repeat(times)).code, python.repeat(times));
      assert.equal(toPython(toPhicode(python.repeat(times)).code).code, python.repeat(times));
    }
  });

  test(`${entry}: the column map is a plain, enumerable, replaceable property`, () => {
    const result = toPython('∀ x ∈ xs:\n  π(x)\n\n¬y');
    assert.deepEqual(Object.keys(result).sort(), [
      'code',
      'diagnostics',
      'sourceMap',
      'symbolsUsed',
      'warnings',
    ]);
    const copy = JSON.parse(JSON.stringify(result));
    assert.deepEqual(copy.sourceMap, result.sourceMap);
    assert.deepEqual(
      result.sourceMap.lines.map((l) => [l.line, l.segments.length]),
      [[1, 2], [2, 1], [4, 1]],
    );
    assert.equal(result.sourceMap, result.sourceMap, 'built once, then kept');
    result.sourceMap = null;
    assert.equal(result.sourceMap, null);
  });

  test(`${entry}: dialects as JSON text or object, both directions`, () => {
    const options = { dialect: SPANISH };
    const result = toPython('si x: imprimir(1)\nsino: ⋯', options);
    assert.equal(result.code, 'if x: print(1)\nelse: pass');
    assert.deepEqual(
      result.symbolsUsed.map((e) => e.symbol),
      ['⋯', 'si', 'sino', 'imprimir'],
    );
    assert.equal(toPhicode('if x: print(1)', options).code, 'si x: imprimir(1)');
    const object = { dialect: { symbols: { while: 'mientras' } } };
    assert.equal(toPython('mientras ✓: ⇲', object).code, 'while True: break');
  });

  test(`${entry}: a bad dialect entry is a warning, or in strict mode an error`, () => {
    const dialect = '{"symbols": {\n  "if": "∀",\n  "print": "imprimir"\n}}';
    const lenient = toPython('imprimir(1)', { dialect });
    assert.equal(lenient.code, 'print(1)');
    assert.equal(lenient.warnings.length, 1);
    assert.deepEqual(
      { ...lenient.warnings[0], message: undefined },
      {
        line: 2,
        column: 9,
        kind: 'conflict',
        python: 'if',
        symbol: '∀',
        existing: 'for',
        default: true,
        message: undefined,
      },
    );
    assert.throws(
      () => toPython('x', { dialect, strict: true }),
      (error) =>
        error instanceof Error &&
        error.kind === 'dialect' &&
        error.line === 2 &&
        error.column === 9 &&
        error.issues.length === 1 &&
        /already means `for`/.test(error.message),
    );
  });

  test(`${entry}: malformed dialect JSON throws with line and column`, () => {
    assert.throws(
      () => toPython('x', { dialect: '{"symbols": {\n  "if": si\n}}' }),
      (error) =>
        error.kind === 'json' && error.line === 2 && error.column === 9 &&
        error.message === '2:9: dialect config: expected value',
    );
  });

  test(`${entry}: bad arguments are TypeErrors`, () => {
    assert.throws(() => toPython('x', { sourcemap: false }), {
      name: 'TypeError',
      message: /unknown option `sourcemap`/,
    });
    assert.throws(() => toPython('x', { dialect: 42 }), TypeError);
    assert.throws(() => toPython('x', { strict: 'yes' }), TypeError);
  });

  test(`${entry}: validateDialect lists every issue with its place`, () => {
    const report = validateDialect(
      '{\n  "symbols": {\n    "if": "∀",\n    "for": "si",\n    "x y": "q",\n    "while": 3\n  }\n}',
    );
    assert.equal(report.valid, false);
    // Key-position issues (bad_target) only have their line checked: the core reports
    // them at the value for now (noted in /work/notes/core-requests.md).
    assert.deepEqual(
      report.issues.map((i) => [i.line, i.kind === 'bad_target' ? 0 : i.column, i.kind]),
      [
        [3, 11, 'conflict'],
        [5, 0, 'bad_target'],
        [6, 14, 'not_a_string'],
      ],
    );
    assert.ok(report.symbols.some((e) => e.symbol === 'si' && e.python === 'for'));
    const ok = validateDialect(SPANISH);
    assert.equal(ok.valid, true);
    assert.deepEqual(ok.issues, []);
    assert.equal(ok.symbols.length, 51);
    const broken = validateDialect('{"symbols": ');
    assert.equal(broken.valid, false);
    assert.deepEqual(
      broken.issues.map((i) => [i.line, i.column, i.kind]),
      [[1, 12, 'json']],
    );
  });

  test(`${entry}: symbols() lists the defaults, then a dialect's words`, () => {
    const all = symbols();
    assert.equal(all.length, 48);
    assert.deepEqual(all.find((e) => e.python === 'for'), {
      symbol: '∀',
      python: 'for',
      kind: 'glue',
      origin: 'default',
    });
    assert.ok(all.every((e) => e.origin === 'default'));
    const spanish = symbols(SPANISH);
    assert.deepEqual(spanish.at(-1), {
      symbol: 'imprimir',
      python: 'print',
      kind: 'word',
      origin: 'dialect',
    });
  });

  test(`${entry}: version matches the package`, () => {
    const pkg = require('../package.json');
    assert.equal(version(), pkg.version);
  });
};
