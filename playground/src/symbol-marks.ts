// Marks on the φ editor: each replaced symbol is highlighted, and hovering one shows the
// Python it stands for. The spans come from the transpiler's column map, so symbols inside
// strings and comments are (rightly) left alone.
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, hoverTooltip, type DecorationSet } from '@codemirror/view';
import type { SymbolSpan } from './phi';
import { offsetAt } from './positions';

/** Replaces the symbol spans (after each conversion). */
export const setSpans = StateEffect.define<SymbolSpan[]>();

const spansField = StateField.define<SymbolSpan[]>({
  create: () => [],
  update(spans, tr) {
    for (const effect of tr.effects) if (effect.is(setSpans)) return effect.value;
    return spans;
  },
});

const mark = Decoration.mark({ class: 'cm-phi-symbol' });

const decorations = EditorView.decorations.compute([spansField, 'doc'], (state) => {
  const ranges: Range<Decoration>[] = [];
  for (const span of state.field(spansField)) {
    if (span.line > state.doc.lines) continue;
    const from = offsetAt(state.doc, span.line, span.column);
    const to = offsetAt(state.doc, span.line, span.column + span.length);
    if (to > from) ranges.push(mark.range(from, to));
  }
  return Decoration.set(ranges, true) as DecorationSet;
});

const tooltip = hoverTooltip((view, pos) => {
  const { doc } = view.state;
  for (const span of view.state.field(spansField)) {
    if (span.line > doc.lines) continue;
    const from = offsetAt(doc, span.line, span.column);
    const to = offsetAt(doc, span.line, span.column + span.length);
    if (pos < from || pos > to) continue;
    return {
      pos: from,
      end: to,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'cm-phi-tooltip';
        const symbol = document.createElement('b');
        symbol.textContent = span.symbol;
        const python = document.createElement('code');
        python.textContent = span.python;
        dom.append(symbol, ' → ', python);
        return { dom };
      },
    };
  }
  return null;
});

/** Highlighting and hover tooltips of replaced symbols. */
export const symbolMarks = [spansField, decorations, tooltip];
