// The palette: a button per symbol of the current table (defaults, then the dialect's), with
// its Python word; a click types the symbol into the φ editor.
import type { EditorView } from '@codemirror/view';
import type { SymbolEntry } from 'phicode';
import { namesOf } from './input-method';

export function renderPalette(root: HTMLElement, table: SymbolEntry[], editor: EditorView) {
  root.replaceChildren(
    ...table.map((entry) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `symbol ${entry.origin}`;
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
    }),
  );
}
