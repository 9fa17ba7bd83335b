// Problems as CodeMirror lint diagnostics, placed at their line and column.
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { offsetAt } from './positions';

export interface Located {
  line: number;
  column: number;
  message: string;
}

/** A diagnostic covering the token at the place (a JSON string, a word, or one character). */
export function diagnosticAt(
  doc: Text,
  problem: Located,
  severity: Diagnostic['severity'],
  source: string,
  end?: number,
): Diagnostic {
  const from = offsetAt(doc, problem.line, problem.column);
  const line = doc.lineAt(from);
  let to = end !== undefined ? offsetAt(doc, problem.line, end) : from;
  if (to <= from) {
    const rest = line.text.slice(from - line.from);
    const token = /^("(?:[^"\\]|\\.)*"?|[\p{L}\p{N}_]+|\S)/u.exec(rest);
    to = Math.min(line.to, from + (token?.[0].length ?? 1));
  }
  return { from, to: Math.max(to, from), severity, message: problem.message, source };
}
