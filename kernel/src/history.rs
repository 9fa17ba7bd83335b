//! The cells this kernel ran, for `history_request`: `tail`, `range` and `search` (glob
//! patterns, as IPython's history search), with or without each cell's output.

use std::sync::{Mutex, PoisonError};

use serde_json::{Value, json};

/// One counted cell.
#[derive(Debug, Clone)]
struct Entry {
    /// `In[n]`.
    line: u64,
    /// The cell's source.
    input: String,
    /// Its result's plain text, if it had one.
    output: Option<String>,
}

/// The history of this kernel process (session number 1; a restarted kernel starts a new
/// one, as IPython's does).
#[derive(Debug, Default)]
pub struct History(Mutex<Vec<Entry>>);

/// The session number entries carry.
const SESSION: u64 = 1;

impl History {
    /// Records cell `line`.
    pub fn add(&self, line: u64, input: &str, output: Option<String>) {
        let entry = Entry { line, input: input.to_owned(), output };
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(entry);
    }

    /// The entries `request` (a `history_request`'s content) asks for, as
    /// `[session, line, input]` or `[session, line, [input, output]]`.
    pub fn answer(&self, request: &Value) -> Vec<Value> {
        let entries = self.0.lock().unwrap_or_else(PoisonError::into_inner).clone();
        let output = request.get("output").and_then(Value::as_bool).unwrap_or(false);
        let int = |key: &str| request.get(key).and_then(Value::as_i64);
        let picked: Vec<&Entry> =
            match request.get("hist_access_type").and_then(Value::as_str).unwrap_or("tail") {
                "range" => {
                    let session = int("session").unwrap_or(0);
                    let start = int("start").unwrap_or(0).max(0) as u64;
                    let stop = int("stop").filter(|s| *s > 0).map(|s| s as u64);
                    // Session 0 and negative sessions are relative: the current one, here.
                    let ours = session <= 0 || session as u64 == SESSION;
                    entries
                        .iter()
                        .filter(|e| ours && e.line >= start && stop.is_none_or(|s| e.line < s))
                        .collect()
                }
                "search" => {
                    let pattern = request.get("pattern").and_then(Value::as_str).unwrap_or("*");
                    let unique = request.get("unique").and_then(Value::as_bool).unwrap_or(false);
                    let mut found: Vec<&Entry> =
                        entries.iter().filter(|e| glob(pattern, &e.input)).collect();
                    if unique {
                        let mut seen = std::collections::HashSet::new();
                        let mut kept: Vec<&Entry> =
                            found.into_iter().rev().filter(|e| seen.insert(&e.input)).collect();
                        kept.reverse();
                        found = kept;
                    }
                    last(found, int("n"))
                }
                _ => last(entries.iter().collect(), int("n").or(Some(10))),
            };
        picked
            .into_iter()
            .map(|e| match output {
                true => json!([SESSION, e.line, [e.input, e.output.clone().unwrap_or_default()]]),
                false => json!([SESSION, e.line, e.input]),
            })
            .collect()
    }
}

/// The last `n` of `entries` (all of them for no `n`).
fn last(entries: Vec<&Entry>, n: Option<i64>) -> Vec<&Entry> {
    match n {
        Some(n) if n >= 0 => {
            let skip = entries.len().saturating_sub(n as usize);
            entries.into_iter().skip(skip).collect()
        }
        _ => entries,
    }
}

/// Whether `text` matches the glob `pattern` (`*` any run, `?` one character).
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history() -> History {
        let h = History::default();
        h.add(1, "x = 1", None);
        h.add(2, "print(x)", None);
        h.add(3, "x + 1", Some("2".into()));
        h.add(4, "x + 1", Some("2".into()));
        h
    }

    #[test]
    fn tail_range_and_search() {
        let h = history();
        let tail = h.answer(&json!({"hist_access_type": "tail", "n": 2, "output": false}));
        assert_eq!(tail, vec![json!([1, 3, "x + 1"]), json!([1, 4, "x + 1"])]);
        let with_output = h.answer(&json!({"hist_access_type": "tail", "n": 1, "output": true}));
        assert_eq!(with_output, vec![json!([1, 4, ["x + 1", "2"]])]);
        let range =
            h.answer(&json!({"hist_access_type": "range", "session": 1, "start": 2, "stop": 3}));
        assert_eq!(range, vec![json!([1, 2, "print(x)"])]);
        let search = |extra: Value| {
            let mut request = json!({"hist_access_type": "search", "pattern": "x*"});
            request
                .as_object_mut()
                .expect("object")
                .extend(extra.as_object().cloned().unwrap_or_default());
            h.answer(&request).len()
        };
        assert_eq!(search(json!({})), 3);
        assert_eq!(search(json!({"unique": true})), 2);
        assert_eq!(search(json!({"n": 1})), 1);
    }

    #[test]
    fn globs() {
        assert!(glob("a*c", "abbbc"));
        assert!(glob("a?c", "abc"));
        assert!(!glob("a?c", "abbc"));
        assert!(glob("*", ""));
        assert!(glob("∀*", "∀ x ∈ y"));
    }
}
