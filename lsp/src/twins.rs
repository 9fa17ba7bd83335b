//! The twins' text in the Python server: opened once, then each edit sent as the one span
//! of the twin that changed, and closed with the document.

use std::path::Path;

use lsp_types::Url;
use serde_json::json;

use crate::server::Server;
use crate::text::{Lines, changed_span};

impl Server<'_> {
    /// Opens the twin of `path` in the Python server, or sends its whole new text.
    pub(crate) fn open_in_python(&mut self, path: &Path) {
        self.changed_in_python(path, None);
    }

    /// Opens the twin of `path` in the Python server, or sends what changed since `before`
    /// (the twin's text the Python server has; `None`: send the whole text).
    pub(crate) fn changed_in_python(&mut self, path: &Path, before: Option<&str>) {
        let (Some(doc), Some(python)) = (self.ws.get(path), self.python.as_mut()) else {
            return;
        };
        let uri = Url::from_file_path(&doc.twin).ok();
        self.python_version += 1;
        let version = self.python_version;
        if let Some(sent) = self.opened.get_mut(&doc.twin) {
            *sent = version;
            let content = match before {
                Some(old) => {
                    let (start, old_end, new_end) = changed_span(old, &doc.python);
                    let lines = Lines::new(old);
                    let at = |offset| lines.to_lsp(old, lines.position(old, offset));
                    let range = lsp_types::Range { start: at(start), end: at(old_end) };
                    json!({"range": range, "text": &doc.python[start..new_end]})
                }
                None => json!({"text": doc.python}),
            };
            let change = json!({"textDocument": {"uri": uri, "version": version},
                "contentChanges": [content]});
            python.notify("textDocument/didChange", change);
            return;
        }
        let item = json!({"uri": uri, "languageId": "python",
            "version": version, "text": doc.python});
        python.notify("textDocument/didOpen", json!({"textDocument": item}));
        self.opened.insert(doc.twin.clone(), version);
    }

    pub(crate) fn close_in_python(&mut self, path: &Path) {
        let (Some(doc), Some(python)) = (self.ws.get(path), self.python.as_mut()) else {
            return;
        };
        if self.opened.remove(&doc.twin).is_some() {
            let uri = Url::from_file_path(&doc.twin).ok();
            python.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
        }
    }
}
