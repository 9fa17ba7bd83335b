// Positions between phicode (1-based line, column in code points) and CodeMirror (UTF-16
// offsets into the document).
import type { Text } from '@codemirror/state';

/** The document offset of a 1-based line and code-point column, clamped into the text. */
export function offsetAt(doc: Text, line: number, column: number): number {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  let offset = 0;
  for (let col = 1; col < column && offset < at.text.length; col++) {
    offset += (at.text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return at.from + offset;
}

/** The 1-based line and code-point column of a document offset. */
export function positionAt(doc: Text, offset: number): { line: number; column: number } {
  const at = doc.lineAt(offset);
  return { line: at.number, column: [...at.text.slice(0, offset - at.from)].length + 1 };
}
