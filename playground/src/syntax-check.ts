// Syntax errors marked while typing: the Python is compiled (never run) in the worker once
// typing pauses, and the error is placed on the φ text through the conversion's column map.
// When the place is a dialect word, the mark says so (`si = 3` becomes `if = 3`).
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { mapToPhicode, type SourceMap } from 'phicode';
import { diagnosticAt } from './diagnostics';
import type { SymbolSpan } from './phi';
import type { SyntaxProblem } from './protocol';

export interface Located {
  line: number;
  column: number;
  end: number;
  message: string;
}

export function locateSyntax(
  problem: SyntaxProblem,
  map: SourceMap | undefined,
  spans: SymbolSpan[],
  dialectWords: Set<string>,
  phiLine: string,
): Located {
  const toPhi = (column: number) => mapToPhicode(map, { line: problem.line, column }).column;
  const width = [...phiLine.trimEnd()].length;
  // An error past the end of the line (a missing `:`) is marked on its last character.
  const column = Math.max(1, Math.min(toPhi(problem.column), width));
  const end = problem.end && problem.end > problem.column ? Math.min(toPhi(problem.end), width + 1) : column + 1;
  let message = problem.message;
  // The dialect word the error is at, or the last one before it on its line.
  const word = spans
    .filter((s) => s.line === problem.line && s.column <= column && dialectWords.has(s.symbol))
    .at(-1);
  if (word) message += ` (\`${word.symbol}\` is this dialect's word for \`${word.python}\`, so it cannot be a name)`;
  return { line: problem.line, column, end: Math.max(end, column + 1), message };
}

/** The lint mark of a syntax problem on the φ document. */
export function syntaxMark(
  doc: Text,
  problem: SyntaxProblem,
  map: SourceMap | undefined,
  spans: SymbolSpan[],
  dialectWords: Set<string>,
): Diagnostic {
  const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines)).text;
  const at = locateSyntax(problem, map, spans, dialectWords, line);
  return diagnosticAt(doc, at, 'error', 'Python', at.end);
}
