//! Dev only: the server without CPython.
#![allow(clippy::unwrap_used, missing_docs)]
use phicode_core::{Dialect as D, SourceMap, Strictness};
use phicode_lsp::{Dialect, Host, Options, SyntaxProblem};
use std::path::{Path, PathBuf};
struct H;
impl Host for H {
    fn discover(&self, folder: &Path) -> Option<PathBuf> {
        folder.ancestors().map(|d| d.join(".phicode/config.json")).find(|p| p.exists())
    }
    fn dialect(&self, path: Option<&Path>) -> Dialect {
        let Some(path) = path else { return Dialect::default() };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let d = D::from_json(&text).unwrap();
        let b = d.build(Strictness::Lenient).unwrap();
        Dialect {
            table: b.table,
            path: Some(path.into()),
            issues: b.warnings.iter().map(|w| (w.position, w.error.to_string())).collect(),
        }
    }
    fn is_config(&self, p: &Path) -> bool {
        p.ends_with(".phicode/config.json")
    }
    fn syntax_error(&self, _: &str, _: &str, _: &SourceMap) -> Option<SyntaxProblem> {
        None
    }
}
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let cmd = args
        .iter()
        .position(|a| a == "--python-server")
        .map(|i| args[i + 1].split_whitespace().map(String::from).collect());
    phicode_lsp::run_stdio(&H, &Options { python_server: cmd }).unwrap();
}
