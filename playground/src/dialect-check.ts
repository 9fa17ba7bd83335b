// Dialect mistakes the transpiler accepts but a user almost never means: a key other than
// `symbols` (so nothing is read), and a Python word that is neither a keyword nor a
// built-in (`iff`): both are told as warnings at their place in the JSON, with the
// transpiler's own issues, in the editor, the list under it and the panel's summary.
import { setDiagnostics } from '@codemirror/lint';
import { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { DialectReport, SymbolEntry } from 'phicode';
import { diagnosticAt } from './diagnostics';
import { positionAt } from './positions';

const KEYWORDS =
  'False None True and as assert async await break case class continue def del elif else except finally for from global if import in is lambda match nonlocal not or pass raise return try type while with yield _';
const BUILTINS =
  'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip self cls __init__ __name__ __main__ BaseException Exception ArithmeticError AssertionError AttributeError EOFError ImportError IndexError KeyError KeyboardInterrupt LookupError ModuleNotFoundError NameError NotImplementedError OSError RuntimeError StopIteration SyntaxError SystemExit TypeError ValueError ZeroDivisionError NotImplemented Ellipsis';
const KNOWN = new Set(`${KEYWORDS} ${BUILTINS}`.split(' '));

export interface ExtraIssue {
  line: number;
  column: number;
  message: string;
  kind: 'unknown_key' | 'unknown_word';
}

/** Where `"key"` first appears in the text, as line and column. */
function place(text: string, key: string) {
  const at = text.indexOf(JSON.stringify(key));
  return positionAt(Text.of(text.split(/\r\n|\r|\n/)), Math.max(at, 0));
}

/** The extra issues of a dialect text that parses (none for malformed JSON). */
export function checkDialect(text: string, defaults: Set<string>): ExtraIssue[] {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return [];
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) return [];
  const issues: ExtraIssue[] = [];
  for (const key of Object.keys(config)) {
    if (key === 'symbols') continue;
    issues.push({
      ...place(text, key),
      kind: 'unknown_key',
      message: `unknown key \`${key}\`: a dialect has only \`symbols\`, so this part is ignored`,
    });
  }
  const symbols = (config as { symbols?: unknown }).symbols;
  if (symbols && typeof symbols === 'object') {
    for (const python of Object.keys(symbols)) {
      if (KNOWN.has(python) || defaults.has(python) || !/^[A-Za-z_]\w*$/.test(python)) continue;
      issues.push({
        ...place(text, python),
        kind: 'unknown_word',
        message: `\`${python}\` is not a Python keyword or built-in: a typo? (the word is used as it is)`,
      });
    }
  }
  return issues;
}

/** Marks the issues in the dialect editor, lists them, and sums the dialect up. */
export function showDialect(view: EditorView, report: DialectReport | undefined, extra: ExtraIssue[], table: SymbolEntry[]) {
  const issues = [...(report?.issues ?? []), ...extra];
  const marks = issues.map((i) => diagnosticAt(view.state.doc, i, i.kind === 'json' ? 'error' : 'warning', 'dialect'));
  queueMicrotask(() => view.dispatch(setDiagnostics(view.state, marks)));
  document.getElementById('dialect-issues')?.replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement('li');
      item.textContent = `${issue.line}:${issue.column} ${issue.message}`;
      item.className = issue.kind === 'json' ? 'error' : 'warning';
      return item;
    }),
  );
  const added = table.filter((e) => e.origin === 'dialect').length;
  const summary = document.getElementById('dialect-summary');
  if (summary) {
    summary.textContent = report
      ? `${added} word${added === 1 ? '' : 's'}, ${issues.length} issue${issues.length === 1 ? '' : 's'}`
      : 'none';
  }
}
