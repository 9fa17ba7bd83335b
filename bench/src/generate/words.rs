//! The vocabulary of generated sources: names, numbers and the words strings and comments
//! are made of (ASCII mostly, some non-ASCII text, some φ symbols that must stay as they are).

/// Variable names (a few non-ASCII ones, which φ must keep apart from glued symbols).
pub const NAMES: &[&str] = &[
    "items",
    "value",
    "result",
    "count",
    "data",
    "node",
    "key",
    "total",
    "index",
    "buffer",
    "config",
    "path",
    "line",
    "text",
    "width",
    "offset",
    "acc",
    "x",
    "y",
    "i",
    "j",
    "n",
    "left",
    "right",
    "parts",
    "queue",
    "seen",
    "options",
    "name",
    "chunk",
    "token",
    "row",
    "self.cache",
    "self.items",
    "self.size",
    "_private",
    "café",
    "größe",
    "naïve_total",
];

/// Objects whose attributes and methods are called.
pub const OBJECTS: &[&str] = &["self", "os.path", "re", "node", "parser", "logger", "np", "obj"];

/// Attributes and methods; some spell mapped words, which stay words after a `.`.
pub const ATTRIBUTES: &[&str] = &[
    "join",
    "get",
    "append",
    "split",
    "strip",
    "items",
    "keys",
    "update",
    "read",
    "write",
    "match",
    "print",
    "type",
    "max",
    "sum",
    "min",
    "len",
    "range",
    "format",
    "startswith",
];

/// Function name stems (a counter is appended).
pub const FUNCTIONS: &[&str] = &[
    "parse_header",
    "load_config",
    "compute_total",
    "render",
    "walk_tree",
    "tokenize",
    "merge_sorted",
    "flush",
    "validate",
    "emit_row",
    "resolve",
    "handle_event",
];

/// Class name stems.
pub const CLASSES: &[&str] = &["Parser", "Cache", "Node", "Session", "Matrix", "Reader"];

/// Parameter lists of generated functions (names disjoint from `_registry`/`_calls`).
pub const PARAMS: &[&str] = &[
    "items",
    "items, key=Ø",
    "data, *, strict=⊥",
    "path, mode='r', **options",
    "x, y=0, *rest",
    "node, depth=1",
    "text, width=80, fill=' '",
];

/// Numeric literals of every form.
pub const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "10",
    "42",
    "255",
    "3.14",
    "1e-9",
    "0x1F",
    "1_000_000",
    "0o17",
    "0b1010",
    "2j",
    ".5",
    "100",
];

/// Binary operators.
pub const OPERATORS: &[&str] =
    &["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", "&", "|", "<<"];

/// Plain words for strings and comments.
pub const ASCII_WORDS: &[&str] = &[
    "the", "value", "of", "is", "not", "ready", "for", "if", "print", "item", "returns", "total",
    "when", "empty", "skip", "retry", "error", "at", "line", "done", "and", "or", "while",
    "loading", "config", "file", "with", "default", "size", "key", "in", "range",
];

/// Non-ASCII words for strings and comments.
pub const UNICODE_WORDS: &[&str] = &[
    "café",
    "naïve",
    "Grüße",
    "東京",
    "Привет",
    "données",
    "λ-calcul",
    "🐍",
    "→",
    "ñandú",
    "½",
    "日本語のテキスト",
    "Ωmega",
    "emoji 🎉",
    "Ærø",
    "ça va",
];

/// φ symbols written inside strings and comments, which conversion must leave alone.
pub const SYMBOL_WORDS: &[&str] =
    &["¿", "∀ x ∈ xs", "π", "≔", "⟲ value", "ℓ(s)", "λ", "¬∈", "✓/⊥", "Ø", "⋯"];

/// Escapes valid in str and bytes literals.
pub const ESCAPES: &[&str] = &["\\n", "\\t", "\\\\", "\\x41", "\\0", "\\r"];

/// Escapes valid only in str literals.
pub const STR_ESCAPES: &[&str] = &["\\u03c0", "\\N{EM DASH}", "\\U0001F40D", "\\N{BULLET}"];

/// Regex-like fragments for raw strings.
pub const RAW_FRAGMENTS: &[&str] = &["\\d+", "\\w*", "\\s", "[a-z]+", "\\.", "(?P<n>\\d)", "\\b"];

/// Format specs of f-string fields.
pub const FORMAT_SPECS: &[&str] = &[">10", "<8", "^6", ".2f", ",", "08.3f", "x", "%H:%M", "#x"];
