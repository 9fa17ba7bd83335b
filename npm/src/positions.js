// Column-map lookups: where a Python position is in the φ text and back. Lines are the same
// on both sides; each replaced symbol is a segment that shifts the columns after it. This
// mirrors phicode-core's SourceMap so positions can be mapped without calling into wasm.

function map(sourceMap, position, from, to) {
  const lines = sourceMap?.lines ?? [];
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].line < position.line) lo = mid + 1;
    else hi = mid;
  }
  if (lo === lines.length || lines[lo].line !== position.line) {
    return { line: position.line, column: position.column };
  }
  let column = position.column;
  for (const segment of lines[lo].segments) {
    const col = segment[`${from}Column`];
    const len = segment[`${from}Len`];
    if (position.column < col) break;
    if (position.column < col + len) {
      return { line: position.line, column: segment[`${to}Column`] };
    }
    column = position.column - (col + len) + segment[`${to}Column`] + segment[`${to}Len`];
  }
  return { line: position.line, column };
}

/** Where a Python position (1-based line and character column) is in the φ text. */
export function mapToPhicode(sourceMap, position) {
  return map(sourceMap, position, 'python', 'phicode');
}

/** Where a φ position (1-based line and character column) is in the Python text. */
export function mapToPython(sourceMap, position) {
  return map(sourceMap, position, 'phicode', 'python');
}
