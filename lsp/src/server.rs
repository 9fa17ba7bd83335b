//! The server's state, and what it tells the editor: one thread owns the documents (see
//! `event_loop`), so every answer is mapped with the documents as they are.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_server::{Message, Notification, RequestId, Response};
use lsp_types::{Diagnostic, PublishDiagnosticsParams, Url};

use crate::diagnostics;
use crate::host::Host;
use crate::pending::Pending;
use crate::python::{self, PythonServer};
use crate::wire::Client;
use crate::workspace::Workspace;

/// Everything the loop works with.
pub struct Server<'h> {
    pub(crate) host: &'h dyn Host,
    pub(crate) client: Client,
    pub(crate) ws: Workspace,
    pub(crate) python: Option<PythonServer>,
    /// Requests sent to the Python server, by its id: whom to answer, and how.
    pub(crate) pending: HashMap<RequestId, Pending>,
    /// Twins open in the Python server, with the version of the text last sent to it:
    /// diagnostics it reports for an older text are stale, and mapping them through the
    /// new column map would put them in the wrong places.
    pub(crate) opened: HashMap<PathBuf, i32>,
    /// The version of the last text sent to the Python server (one count for all twins).
    pub(crate) python_version: i32,
    pub(crate) own: HashMap<PathBuf, Vec<Diagnostic>>,
    pub(crate) from_python: HashMap<PathBuf, Vec<Diagnostic>>,
    /// The editor asked for `shutdown`: requests are refused until its `exit`.
    pub(crate) shutting_down: bool,
}

impl<'h> Server<'h> {
    /// A server on `ws`, with the Python server if it started.
    pub fn new(
        host: &'h dyn Host,
        client: Client,
        ws: Workspace,
        python: Option<PythonServer>,
    ) -> Self {
        Self {
            host,
            client,
            ws,
            python,
            pending: HashMap::new(),
            opened: HashMap::new(),
            python_version: 0,
            own: HashMap::new(),
            from_python: HashMap::new(),
            shutting_down: false,
        }
    }

    /// Sends `message` to the editor (a closed connection ends the loop on its own).
    pub(crate) fn send(&self, message: impl Into<Message>) {
        self.client.send(message);
    }

    pub(crate) fn on_python(&mut self, message: Message) {
        match message {
            Message::Response(response) => {
                if let Some(pending) = self.pending.remove(&response.id) {
                    let answer = pending.answer(&self.ws, response);
                    self.send(answer);
                }
            }
            Message::Request(request) => {
                let answer = python::answer(&request);
                if let Some(p) = self.python.as_mut() {
                    p.respond(answer);
                }
            }
            Message::Notification(n) => match n.method.as_str() {
                "textDocument/publishDiagnostics" => self.python_diagnostics(n),
                "window/logMessage" | "window/showMessage" => self.send(n),
                _ => {}
            },
        }
    }

    fn python_diagnostics(&mut self, n: Notification) {
        let Ok(params) = serde_json::from_value::<PublishDiagnosticsParams>(n.params) else {
            return;
        };
        let Some(doc) = params.uri.to_file_path().ok().and_then(|p| self.ws.by_twin(&p)) else {
            return;
        };
        if params.version.is_some() && params.version != self.opened.get(&doc.twin).copied() {
            return; // Of a text since edited: those of the new one are on their way.
        }
        let mapped = params
            .diagnostics
            .into_iter()
            .map(|d| Diagnostic { range: doc.range_to_phicode(d.range), ..d })
            .collect();
        let path = doc.path.clone();
        self.from_python.insert(path.clone(), mapped);
        self.publish(&path);
    }

    pub(crate) fn python_died(&mut self) {
        self.python = None;
        for pending in std::mem::take(&mut self.pending).into_values() {
            let answer = pending.without_python(&self.ws);
            self.send(answer);
        }
        let message = "the Python language server stopped: φ features only from now on";
        self.send(Notification::new(
            "window/showMessage".into(),
            serde_json::json!({"type": 2, "message": message}),
        ));
    }

    /// Computes the server's own diagnostics of `path` again and publishes them.
    pub(crate) fn check(&mut self, path: &PathBuf) {
        let Some(doc) = self.ws.get(path) else { return };
        let own = diagnostics::own(doc, self.host);
        self.own.insert(path.clone(), own);
        self.publish(path);
    }

    /// Publishes what is known of `path`: the server's diagnostics and the Python server's.
    pub(crate) fn publish(&self, path: &PathBuf) {
        let Ok(uri) = Url::from_file_path(path) else { return };
        let none = Vec::new();
        let own = self.own.get(path).unwrap_or(&none);
        let python = self.from_python.get(path).unwrap_or(&none);
        let version = self.ws.get(path).and_then(|d| d.version);
        let params =
            PublishDiagnosticsParams { uri, diagnostics: diagnostics::merge(own, python), version };
        self.send(Notification::new("textDocument/publishDiagnostics".into(), params));
    }

    /// Answers `request` with an error.
    pub(crate) fn refuse(&self, id: RequestId, code: lsp_server::ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message));
    }
}
