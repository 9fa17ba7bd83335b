//! The conformance corpus on disk: `name.φ` + `name.py` pairs with an optional `name.json`
//! sidecar (format in `tests/corpus/README.md`), loaded into cases.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// An expected diagnostic, refusal or dialect issue: where, and what kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// The snake_case name of the error kind (`unterminated_string`, `conflict`, ...).
    pub kind: String,
}

/// A case's sidecar: what to check beyond "φ → Python gives the `.py`".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Spec {
    /// What the case is about (for people; not checked).
    pub about: Option<String>,
    /// Also check Python → φ gives the `.φ` (default: true when both files exist and no
    /// refusal is expected).
    pub both_ways: Option<bool>,
    /// A dialect config, relative to the corpus folder.
    pub dialect: Option<String>,
    /// Build the dialect in strict mode (issues become errors).
    pub strict: bool,
    /// The issues building the dialect reports (warnings, or errors when strict).
    pub dialect_issues: Vec<Expected>,
    /// Lexical diagnostics of φ → Python, positioned in the `.φ`.
    pub diagnostics: Vec<Expected>,
    /// Lexical diagnostics of Python → φ, positioned in the `.py`.
    pub python_diagnostics: Vec<Expected>,
    /// Python → φ must refuse the `.py` with exactly these problems.
    pub refusals: Vec<Expected>,
    /// The symbols φ → Python reports as used (as a set), when given.
    pub symbols_used: Option<Vec<String>>,
    /// The oldest Python that compiles the `.py` (default `3.11`).
    pub min_python: Option<String>,
    /// Whether the `.py` compiles (default true).
    pub compiles: Option<bool>,
    /// For a `.py` that must not compile: the line of the SyntaxError.
    pub syntax_error_line: Option<u32>,
}

/// One corpus case.
#[derive(Debug, Clone)]
pub struct Case {
    /// The file stem shared by the case's files.
    pub name: String,
    /// The `.φ` text, if the case has one.
    pub phi: Option<String>,
    /// The `.py` text, if the case has one.
    pub py: Option<String>,
    /// The sidecar (defaults when there is none).
    pub spec: Spec,
}

impl Case {
    /// Whether Python → φ must give back the `.φ`.
    pub fn both_ways(&self) -> bool {
        let possible = self.phi.is_some() && self.py.is_some() && self.spec.refusals.is_empty();
        self.spec.both_ways.unwrap_or(possible)
    }

    /// The oldest Python version that compiles the `.py`.
    pub fn min_python(&self) -> Result<(u32, u32), CorpusError> {
        let text = self.spec.min_python.as_deref().unwrap_or("3.11");
        let bad = || CorpusError::Invalid(self.name.clone(), format!("min_python `{text}`"));
        let (major, minor) = text.split_once('.').ok_or_else(bad)?;
        Ok((major.parse().map_err(|_| bad())?, minor.parse().map_err(|_| bad())?))
    }
}

/// A corpus folder that does not follow the format.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file could not be read.
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// A sidecar is not valid JSON or has unknown fields.
    #[error("{0}: {1}")]
    Sidecar(PathBuf, serde_json::Error),
    /// A case breaks a rule of the format.
    #[error("case `{0}`: {1}")]
    Invalid(String, String),
}

/// The corpus folder of this crate.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Loads every case of `dir` (its top level; `dialects/` holds configs, not cases).
pub fn load(dir: &Path) -> Result<Vec<Case>, CorpusError> {
    let io = |path: &Path, e| CorpusError::Io(path.to_path_buf(), e);
    let mut files: BTreeMap<String, [Option<PathBuf>; 3]> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
            continue;
        };
        let slot = match ext.to_string_lossy().as_ref() {
            "φ" => 0,
            "py" => 1,
            "json" => 2,
            _ => continue,
        };
        let stem = stem.to_string_lossy().into_owned();
        files.entry(stem).or_default()[slot] = Some(path);
    }
    files
        .into_iter()
        .map(|(name, [phi, py, json])| {
            let read = |p: &Option<PathBuf>| {
                p.as_ref().map(|p| std::fs::read_to_string(p).map_err(|e| io(p, e))).transpose()
            };
            let spec = match &json {
                Some(path) => {
                    serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| io(path, e))?)
                        .map_err(|e| CorpusError::Sidecar(path.clone(), e))?
                }
                None => Spec::default(),
            };
            let case = Case { name, phi: read(&phi)?, py: read(&py)?, spec };
            validate(&case)?;
            Ok(case)
        })
        .collect()
}

/// The format's rules about which files a case may have.
fn validate(case: &Case) -> Result<(), CorpusError> {
    let invalid = |why: &str| Err(CorpusError::Invalid(case.name.clone(), why.into()));
    let spec = &case.spec;
    match (&case.phi, &case.py) {
        (Some(_), None) => return invalid("a `.φ` needs its `.py`"),
        (None, Some(_)) if spec.refusals.is_empty() => {
            return invalid("a `.py` without `.φ` must expect refusals");
        }
        (None, None) if spec.dialect.is_none() || spec.dialect_issues.is_empty() => {
            return invalid("a sidecar alone must name a dialect and expect its issues");
        }
        _ => {}
    }
    if case.both_ways() && !spec.refusals.is_empty() {
        return invalid("`both_ways` and `refusals` exclude each other");
    }
    if spec.compiles == Some(false) && spec.syntax_error_line.is_none() {
        return invalid("a `.py` that must not compile needs `syntax_error_line`");
    }
    case.min_python().map(|_| ())
}
