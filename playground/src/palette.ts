// The palette: a button per symbol of the current table (defaults, then the dialect's), with
// its Python word; a click types the symbol into the φ editor. It is one toolbar, one Tab
// stop: the arrow keys (and Home/End) move between its buttons.
import type { EditorView } from '@codemirror/view';
import type { SymbolEntry } from 'phicode';
import { namesOf } from './input-method';

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, n) => (at + 1) % n,
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowLeft: (at, n) => (at - 1 + n) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function renderPalette(root: HTMLElement, table: SymbolEntry[], editor: EditorView) {
  const buttons = table.map((entry, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `symbol ${entry.origin}`;
    button.tabIndex = i === 0 ? 0 : -1;
    button.title = `${entry.symbol} → ${entry.python}   (type \\${namesOf(entry)[0]} or ${entry.python} then Tab)`;
    button.dataset.symbol = entry.symbol;
    const symbol = document.createElement('span');
    symbol.textContent = entry.symbol;
    const python = document.createElement('small');
    python.textContent = entry.python;
    button.append(symbol, python);
    button.addEventListener('click', () => {
      editor.dispatch(editor.state.replaceSelection(entry.symbol), {
        userEvent: 'input.symbol',
        scrollIntoView: true,
      });
      editor.focus();
    });
    return button;
  });
  root.onkeydown = (event) => {
    const move = MOVES[event.key];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || at < 0) return;
    event.preventDefault();
    const next = buttons[move(at, buttons.length)];
    buttons[at].tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };
  root.replaceChildren(...buttons);
}
