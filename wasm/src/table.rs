//! Symbol tables for the conversions: the default one, or one built from a dialect. The last
//! dialect's table is kept, so a page converting on every keystroke does not rebuild it.

use std::cell::RefCell;
use std::rc::Rc;

use phicode_core::{Dialect, DialectIssue, Located, Strictness, SymbolTable};
use wasm_bindgen::JsValue;

use crate::error::{located, set};
use crate::output::{Issue, to_js};

/// A table and the warnings about dialect entries it dropped.
pub(crate) struct Table {
    pub(crate) table: SymbolTable,
    pub(crate) warnings: Vec<Located<DialectIssue>>,
}

type Cached = Option<(String, bool, Rc<Table>)>;

thread_local! {
    static DEFAULT: Rc<Table> = Rc::new(Table { table: SymbolTable::new(), warnings: Vec::new() });
    static LAST: RefCell<Cached> = const { RefCell::new(None) };
}

/// The table for `dialect` (JSON text; `None` is the defaults). Throws on malformed JSON, and
/// in strict mode on any dialect issue.
pub(crate) fn get(dialect: Option<&str>, strict: bool) -> Result<Rc<Table>, JsValue> {
    let Some(text) = dialect else {
        return Ok(DEFAULT.with(Rc::clone));
    };
    let hit = LAST.with_borrow(|last| match last {
        Some((t, s, table)) if t == text && *s == strict => Some(Rc::clone(table)),
        _ => None,
    });
    if let Some(table) = hit {
        return Ok(table);
    }
    let table = Rc::new(build(text, strict)?);
    LAST.set(Some((text.to_owned(), strict, Rc::clone(&table))));
    Ok(table)
}

fn build(text: &str, strict: bool) -> Result<Table, JsValue> {
    let dialect = Dialect::from_json(text).map_err(|e| {
        let message = format!("{}: dialect config: {}", e.position, e.message);
        located(&message, "json", Some(e.position))
    })?;
    let strictness = if strict { Strictness::Strict } else { Strictness::Lenient };
    match dialect.build(strictness) {
        Ok(built) => Ok(Table { table: built.table, warnings: built.warnings }),
        Err(refused) => {
            let first = refused.issues.first();
            let message = match first {
                Some(issue) => format!("{refused}; first at {issue}"),
                None => refused.to_string(),
            };
            let error = located(&message, "dialect", first.map(|i| i.position));
            let issues: Vec<Issue<'_>> = refused.issues.iter().map(Issue::from).collect();
            set(&error, "issues", &to_js(&issues)?);
            Err(error.into())
        }
    }
}
