// Typing symbols: `\for` + Tab (or the Python word `for` + Tab) becomes `∀`, and typing `\`
// opens a completion list of every symbol. Tab elsewhere indents as usual.
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { indentMore } from '@codemirror/commands';
import { syntaxTree } from '@codemirror/language';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import type { SymbolEntry } from 'phicode';

/** The names `\name` accepts for an entry: its Python text without spaces, and aliases. */
export function namesOf(entry: SymbolEntry): string[] {
  const names = [entry.python.replace(/\s+/g, '')];
  if (entry.python === ':=') names.push('walrus');
  return names;
}

function lookup(table: SymbolEntry[], name: string, backslash: boolean): SymbolEntry | undefined {
  // Dialect entries come last and win, as they do for Python → φ.
  const found = table.filter((e) => (backslash ? namesOf(e).includes(name) : e.python === name));
  return found.at(-1);
}

function inStringOrComment(view: EditorView, pos: number): boolean {
  const node = syntaxTree(view.state).resolveInner(pos, -1);
  return /String|Comment/.test(node.name);
}

function expand(view: EditorView, table: () => SymbolEntry[]): boolean {
  const { state } = view;
  const selection = state.selection.main;
  if (!selection.empty) return false;
  const line = state.doc.lineAt(selection.head);
  const before = line.text.slice(0, selection.head - line.from);
  const escaped = /\\([^\s\\]+)$/.exec(before);
  const word = escaped ? null : /(?:^|[^\w.])([A-Za-z_]\w*)$/.exec(before);
  const name = escaped?.[1] ?? word?.[1];
  if (!name) return false;
  const entry = lookup(table(), name, Boolean(escaped));
  if (!entry || entry.symbol === name) return false;
  if (!escaped && inStringOrComment(view, selection.head)) return false;
  const from = selection.head - (escaped ? escaped[0].length : name.length);
  view.dispatch({
    changes: { from, to: selection.head, insert: entry.symbol },
    selection: { anchor: from + entry.symbol.length },
    userEvent: 'input.symbol',
  });
  return true;
}

function completions(table: () => SymbolEntry[]) {
  return (context: CompletionContext) => {
    const match = context.matchBefore(/\\[^\s\\]*/);
    if (!match) return null;
    return {
      from: match.from,
      validFor: /^\\[^\s\\]*$/,
      options: table().flatMap((entry) =>
        namesOf(entry).map((name) => ({
          label: `\\${name}`,
          detail: entry.symbol,
          info: `${entry.symbol} → ${entry.python}`,
          apply: entry.symbol,
          type: 'keyword',
        })),
      ),
    };
  };
}

/** The input method, reading the current table through `table`. */
export function inputMethod(table: () => SymbolEntry[]) {
  return [
    Prec.high(keymap.of([{ key: 'Tab', run: (view) => expand(view, table) || indentMore(view) }])),
    autocompletion({ override: [completions(table)], icons: false }),
  ];
}
