// The help dialog: how to type and run, and the symbol reference (the current table, dialect
// words included), opened by the Help button, the welcome's link, or F1.
import type { SymbolEntry } from 'phicode';
import { namesOf } from './input-method';

export function helpDialog(dialog: HTMLDialogElement, openers: HTMLElement[], table: () => SymbolEntry[]) {
  const open = (event?: Event) => {
    event?.preventDefault();
    const body = dialog.querySelector('tbody');
    body?.replaceChildren(
      ...table().map((entry) => {
        const row = document.createElement('tr');
        for (const text of [entry.symbol, entry.python, `\\${namesOf(entry)[0]}`]) {
          const cell = document.createElement('td');
          cell.textContent = text;
          row.append(cell);
        }
        return row;
      }),
    );
    if (!dialog.open) dialog.showModal();
  };
  for (const opener of openers) opener.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'F1') open(event);
  });
}
