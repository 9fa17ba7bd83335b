// Types of the `phicode` package, written by hand: wasm-bindgen can only say `any` for the
// values the functions exchange.

/** A place in a text: 1-based line, 1-based column counted in characters (code points). */
export interface Position {
  line: number;
  column: number;
}

/** A dialect: JSON text of a config, or the config itself, `{symbols: {"if": "si"}}`.
 * An object is read as `JSON.stringify(object, null, 2)`: positions refer to that layout. */
export type DialectConfig = string | { symbols?: Record<string, string> };

export interface ConvertOptions {
  /** Extra symbols on top of the 48 defaults. */
  dialect?: DialectConfig;
  /** Throw on any dialect issue instead of dropping the bad entries with a warning. */
  strict?: boolean;
  /** Build the column map (default `true`; `false` is faster on large inputs). */
  sourceMap?: boolean;
}

/** One mapping between a φ symbol and its Python text. */
export interface SymbolEntry {
  /** The φ spelling, `∀` or a dialect word such as `si`. */
  symbol: string;
  /** The Python text: `for`, `:=`, `not in`. */
  python: string;
  /** `glue`: a token wherever it appears in code; `word`: replaced only as a whole name. */
  kind: 'glue' | 'word';
  origin: 'default' | 'dialect';
}

/** One replacement on a line (columns 1-based, lengths in characters). */
export interface Segment {
  phicodeColumn: number;
  phicodeLen: number;
  pythonColumn: number;
  pythonLen: number;
}

/** Column map: line N is line N on both sides; listed lines have replacements. */
export interface SourceMap {
  lines: { line: number; segments: Segment[] }[];
}

/** A lexical problem; the output is still complete, so Python reports it on the same line. */
export interface Diagnostic extends Position {
  kind: 'unterminated_string' | 'unterminated_triple_quoted_string' | 'unclosed_field';
  message: string;
}

/** Why a dialect entry was dropped (lenient) or the dialect refused (strict). */
export interface DialectIssue extends Position {
  kind:
    | 'not_a_string'
    | 'bad_target'
    | 'empty_symbol'
    | 'forbidden_character'
    | 'mixed_symbol'
    | 'conflict'
    | 'symbol_is_python_word'
    | 'target_is_symbol'
    | 'overlaps'
    | 'duplicate'
    | 'too_many';
  message: string;
  /** The entry's Python word. */
  python: string;
  symbol?: string;
  /** `conflict`, `target_is_symbol`: what the symbol or word already means. */
  existing?: string;
  /** `conflict`: whether `existing` is one of the defaults. */
  default?: boolean;
  /** `overlaps`: the symbol it overlaps. */
  other?: string;
  /** `forbidden_character`: what the forbidden character is. */
  what?: string;
  /** `too_many`: the most entries a dialect holds (its issue is at the first one left out). */
  limit?: number;
  /** `too_many`: how many entries were left out. */
  left_out?: number;
}

/** A place where Python → φ would not come back byte for byte. */
export interface RoundTripProblem extends Position {
  kind: 'symbol_in_name' | 'symbol_in_code' | 'dialect_word_as_name' | 'glued_word';
  message: string;
}

export interface Conversion<Code extends string | Uint8Array = string> {
  /** The converted text: a string, or UTF-8 bytes when the source was bytes. */
  code: Code;
  /** The table entries the conversion replaced, each once. */
  symbolsUsed: SymbolEntry[];
  /** Present unless `sourceMap: false`. */
  sourceMap?: SourceMap;
  diagnostics: Diagnostic[];
  /** Dialect entries dropped in lenient mode. */
  warnings: DialectIssue[];
}

export interface DialectReport {
  /** No issue at all. */
  valid: boolean;
  /** Every issue, or one `{kind: 'json'}` issue when the text is not valid JSON. */
  issues: (DialectIssue | (Position & { kind: 'json'; message: string }))[];
  /** The table the config gives in lenient mode. */
  symbols: SymbolEntry[];
}

/** What the functions throw: an `Error` saying where. `kind` is `round_trip` (with
 * `problems`), `dialect` (strict mode, with `issues`), `json` (a malformed dialect), `utf8`
 * (bytes that are not UTF-8), or `memory` (a `RangeError`: a source over 256 MiB, or over
 * 64 MiB with a column map, which the wasm's 4 GiB could not convert). */
export interface PhicodeError extends Error {
  kind: 'round_trip' | 'dialect' | 'json' | 'utf8' | 'memory';
  line?: number;
  column?: number;
  problems?: RoundTripProblem[];
  issues?: DialectIssue[];
}

/** φ → Python. Throws a {@link PhicodeError} for a malformed dialect, or any dialect
 * issue in strict mode, and a `TypeError` for unknown options. */
export function toPython(source: string, options?: ConvertOptions): Conversion;
/** φ → Python on UTF-8 bytes (a `Uint8Array` or Node `Buffer`), giving bytes back: no
 * string transcoding, the fastest way for files. Invalid UTF-8 throws (`kind: 'utf8'`). */
export function toPython(source: Uint8Array, options?: ConvertOptions): Conversion<Uint8Array>;

/** Python → φ. Throws a {@link PhicodeError} (`kind: 'round_trip'`) when φ → Python would
 * not give the source back byte for byte, listing every such place in `problems`. */
export function toPhicode(source: string, options?: ConvertOptions): Conversion;
/** Python → φ on UTF-8 bytes, giving bytes back. */
export function toPhicode(source: Uint8Array, options?: ConvertOptions): Conversion<Uint8Array>;

/** The 48 default entries, then the dialect's accepted ones. */
export function symbols(dialect?: DialectConfig): SymbolEntry[];

/** Every issue of a dialect config, with its line and column in the config text. */
export function validateDialect(config: DialectConfig): DialectReport;

/** The version of the package (and of the transpiler inside it). */
export function version(): string;

/** Where a Python position is in the φ text, given a conversion's `sourceMap`. */
export function mapToPhicode(sourceMap: SourceMap | undefined, python: Position): Position;

/** Where a φ position is in the Python text, given a conversion's `sourceMap`. */
export function mapToPython(sourceMap: SourceMap | undefined, phicode: Position): Position;
