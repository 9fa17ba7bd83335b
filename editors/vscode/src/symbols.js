// The `\word`+Tab input method: which symbol a `\word` before the cursor stands for. The
// table is `phicode symbols --json` for the file's folder (so a dialect's words count), or
// the 48 defaults when the binary cannot be asked.
'use strict';

const DEFAULTS = {
  False: '⊥', None: 'Ø', True: '✓', and: '∧', as: '↦', assert: '‼', async: '⟳', await: '⌛',
  break: '⇲', class: 'ℂ', continue: '⇉', def: 'ƒ', del: '∂', elif: '⤷', else: '⋄',
  except: '⛒', finally: '⇗', for: '∀', from: '←', global: '⟁', if: '¿', import: '⇒',
  in: '∈', is: '≡', lambda: 'λ', nonlocal: '∇', not: '¬', or: '∨', pass: '⋯', raise: '↑',
  return: '⟲', try: '∴', while: '↻', with: '∥', yield: '⟰', match: '⟷', case: '▷',
  print: 'π', len: 'ℓ', range: '⟪', enumerate: '№', zip: '⨅', sum: '∑', max: '⭱', min: '⭳',
  abs: '∣', type: 'τ', ':=': '≔',
};

/** The `\word` ending `before` (the line up to the cursor) and its symbol, if any. */
function expansion(before, table) {
  const m = /\\([\p{L}\p{N}_:=]+)$/u.exec(before);
  if (!m) return undefined;
  const symbol = table[m[1]];
  return symbol === undefined ? undefined : { length: m[0].length, symbol };
}

/** The table from `phicode symbols --json` output (python word → symbol). */
function parseTable(json) {
  const parsed = JSON.parse(json);
  return { ...DEFAULTS, ...(parsed.python_to_phicode || {}) };
}

module.exports = { DEFAULTS, expansion, parseTable };
