// The playground's view of the transpiler: the current dialect and the table it gives,
// conversions in both directions, and the symbol ranges a conversion found in the φ text.
import {
  symbols as listSymbols,
  toPhicode,
  toPython,
  validateDialect,
  type Conversion,
  type DialectReport,
  type PhicodeError,
  type SymbolEntry,
} from 'phicode';

/** A replaced symbol of the φ text: where it is (line, code-point columns) and its Python. */
export interface SymbolSpan {
  line: number;
  column: number;
  length: number;
  symbol: string;
  python: string;
}

let dialect: string | undefined;
let table: SymbolEntry[] = listSymbols();

/** Uses a dialect config (`''` for none); the report lists its issues. */
export function setDialect(text: string): DialectReport | undefined {
  if (!text.trim()) {
    dialect = undefined;
    table = listSymbols();
    return undefined;
  }
  const report = validateDialect(text);
  // Malformed JSON keeps the last dialect that parsed, so typing does not flicker.
  if (!report.issues.some((issue) => issue.kind === 'json')) {
    dialect = text;
    table = report.symbols;
  }
  return report;
}

export const currentDialect = (): string | undefined => dialect;
export const currentTable = (): SymbolEntry[] => table;

/** φ → Python with the column map, and the symbols it replaced, located in the φ text. */
export function convertPhi(source: string): { conversion: Conversion; spans: SymbolSpan[] } {
  const conversion = toPython(source, { dialect });
  const lines = source.split(/\r\n|\r|\n/);
  const spans: SymbolSpan[] = [];
  for (const { line, segments } of conversion.sourceMap?.lines ?? []) {
    const chars = [...(lines[line - 1] ?? '')];
    for (const s of segments) {
      const symbol = chars.slice(s.phicodeColumn - 1, s.phicodeColumn - 1 + s.phicodeLen).join('');
      const entry = table.find((e) => e.symbol === symbol);
      spans.push({
        line,
        column: s.phicodeColumn,
        length: s.phicodeLen,
        symbol,
        python: entry?.python ?? '?',
      });
    }
  }
  return { conversion, spans };
}

/** Python → φ, or the error listing the places that would not round-trip. */
export function convertPython(source: string): Conversion | PhicodeError {
  try {
    return toPhicode(source, { dialect, sourceMap: false });
  } catch (error) {
    return error as PhicodeError;
  }
}
