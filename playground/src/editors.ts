// The three CodeMirror editors: φ (symbols marked, input method), Python, and the dialect's
// JSON. Changes made by the playground itself carry the `programmatic` annotation, so the
// two code editors can follow each other without echoing.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { python } from '@codemirror/lang-python';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter } from '@codemirror/lint';
import { Annotation, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { SymbolEntry } from 'phicode';
import { phiIndent } from './indent';
import { inputMethod } from './input-method';
import { symbolMarks } from './symbol-marks';

/** What Ctrl+Enter (Cmd+Enter) does in an editor: set by the page; it inserts nothing. */
export const runKey = { run: () => {} };

/** Marks a change the playground made (not the user). */
export const programmatic = Annotation.define<boolean>();

// Colours from the page's theme (style.css), so dark mode needs no second style.
const style = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--tok-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--tok-string)' },
  { tag: tags.comment, color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--tok-number)' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName))], color: 'var(--tok-def)' },
  { tag: tags.className, color: 'var(--tok-class)' },
  { tag: tags.invalid, color: 'inherit' },
]);

function editor(
  parent: HTMLElement,
  label: string,
  doc: string,
  extensions: Extension[],
  onChange: (update: ViewUpdate) => void,
): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        indentOnInput(),
        indentUnit.of('    '),
        syntaxHighlighting(style),
        lintGutter(),
        extensions,
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (runKey.run(), true) }])),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => update.docChanged && onChange(update)),
      ],
    }),
  });
}

/** Whether an update holds a change the user made. */
export const byUser = (update: ViewUpdate) =>
  update.transactions.some((tr) => tr.docChanged && !tr.annotation(programmatic));

/** Replaces a document without it counting as the user's edit. */
export function setText(view: EditorView, text: string) {
  if (view.state.doc.toString() === text) return;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    annotations: programmatic.of(true),
  });
}

export function phiEditor(
  parent: HTMLElement,
  doc: string,
  table: () => SymbolEntry[],
  onChange: (update: ViewUpdate) => void,
) {
  return editor(parent, 'φ code', doc, [python(), Prec.high(phiIndent), symbolMarks, inputMethod(table)], onChange);
}

export function pythonEditor(parent: HTMLElement, onChange: (update: ViewUpdate) => void) {
  return editor(parent, 'Python code', '', [python()], onChange);
}

export function jsonEditor(parent: HTMLElement, doc: string, onChange: (update: ViewUpdate) => void) {
  return editor(parent, 'Dialect (JSON)', doc, [json()], onChange);
}
