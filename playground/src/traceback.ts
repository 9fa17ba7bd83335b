// Python tracebacks told in φ: the program's frames show their φ line, with carets under
// the φ columns (mapped through the conversion's column map), and the innermost place in
// the program is returned for marking in the editor.
import { mapToPhicode, type SourceMap } from 'phicode';
import type { RunFailure } from './protocol';

export interface Place {
  line: number;
  column: number;
  end: number;
}

function carets(line: string, place: Place): string {
  const indent = line.length - line.trimStart().length;
  const from = Math.max(place.column, indent + 1);
  const width = Math.max(1, place.end - from);
  return `${' '.repeat(from - 1 - indent)}${'^'.repeat(width)}`;
}

/** The traceback text in φ terms, and where the error is in the φ text. */
export function describeFailure(
  failure: RunFailure,
  phi: string,
  map: SourceMap | undefined,
): { text: string; place?: Place } {
  const lines = phi.split(/\r\n|\r|\n/);
  const toPhi = (line: number, column: number) => mapToPhicode(map, { line, column }).column;
  const out: string[] = [];
  let place: Place | undefined;
  const show = (line: number, where: Place | undefined) => {
    const text = [...(lines[line - 1] ?? '')].join('');
    out.push(`    ${text.trim()}`);
    if (where) out.push(`    ${carets([...text].join(''), where)}`);
  };
  if (failure.syntax) {
    const { line, column, end } = failure.syntax;
    const from = toPhi(line, column);
    place = { line, column: from, end: end && end > column ? toPhi(line, end) : from + 1 };
    out.push(`  File "main.φ", line ${line}`);
    show(line, place);
  } else {
    out.push('Traceback (most recent call last):');
    for (const frame of failure.frames) {
      out.push(`  File "${frame.file}", line ${frame.line}, in ${frame.name}`);
      if (frame.file !== 'main.φ') {
        if (frame.text) out.push(`    ${frame.text}`);
        continue;
      }
      let where: Place | undefined;
      if (frame.column !== null) {
        const column = toPhi(frame.line, frame.column);
        const end = frame.end !== null ? toPhi(frame.line, frame.end) : column + 1;
        where = { line: frame.line, column, end: Math.max(end, column + 1) };
      }
      place = where ?? { line: frame.line, column: 1, end: 1 };
      show(frame.line, where);
    }
  }
  out.push(failure.message);
  return { text: out.join('\n'), place };
}
