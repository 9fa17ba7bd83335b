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

/** Marks a change the playground made (not the user). */
export const programmatic = Annotation.define<boolean>();

const style = HighlightStyle.define([
  { tag: tags.keyword, color: '#7c3aed', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: '#047857' },
  { tag: tags.comment, color: '#6b7280', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.null], color: '#b45309' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName))], color: '#1d4ed8' },
  { tag: tags.className, color: '#be185d' },
  { tag: tags.invalid, color: 'inherit' },
]);

function editor(
  parent: HTMLElement,
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
        keymap.of([...defaultKeymap, ...historyKeymap]),
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
  return editor(parent, doc, [python(), Prec.high(phiIndent), symbolMarks, inputMethod(table)], onChange);
}

export function pythonEditor(parent: HTMLElement, onChange: (update: ViewUpdate) => void) {
  return editor(parent, '', [python()], onChange);
}

export function jsonEditor(parent: HTMLElement, doc: string, onChange: (update: ViewUpdate) => void) {
  return editor(parent, doc, [json()], onChange);
}
