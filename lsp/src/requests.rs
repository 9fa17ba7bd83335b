//! The editor's requests: those about Python go to the Python server with the document and
//! position moved to the twin; the φ ones (symbols, "show Python") are answered here.

use lsp_server::{ErrorCode, Request, Response};
use lsp_types::{Position, Url};
use serde_json::{Value, json};

use crate::pending::{Kind, Pending};
use crate::server::Server;
use crate::{format, semantic, symbols};

/// The command that answers with a φ file's Python.
pub const SHOW_PYTHON: &str = "phicode.showPython";

impl Server<'_> {
    /// Answers, or forwards, one request of the editor.
    pub(crate) fn on_request(&mut self, request: Request) {
        let kind = match request.method.as_str() {
            "textDocument/hover" => {
                let own = self.at(&request.params).and_then(|(uri, at)| {
                    let doc = self.ws.get(&uri.to_file_path().ok()?)?;
                    let (symbol, python, range) = symbols::symbol_at(doc, at)?;
                    Some((symbols::hover_text(doc, &symbol, &python), range))
                });
                Kind::Hover(own)
            }
            "textDocument/definition"
            | "textDocument/declaration"
            | "textDocument/typeDefinition"
            | "textDocument/implementation" => Kind::Locations,
            "textDocument/references" => Kind::References,
            "textDocument/rename" => Kind::Rename,
            "textDocument/prepareRename" => Kind::PrepareRename,
            "textDocument/documentHighlight" => Kind::Highlights,
            "textDocument/signatureHelp" => Kind::Plain,
            "textDocument/completion" => {
                let own = self.at(&request.params).and_then(|(uri, at)| {
                    let doc = self.ws.get(&uri.to_file_path().ok()?)?;
                    Some(symbols::completions(doc, at))
                });
                Kind::Completion(own.unwrap_or_default())
            }
            "completionItem/resolve" => {
                if request.params.get("data").is_none() || self.python.is_none() {
                    return self.send(Response::new_ok(request.id, request.params));
                }
                let id = self.python.as_mut().map(|p| p.request(&request.method, &request.params));
                if let Some(pid) = id {
                    let uri = Url::parse("file:///").expect("a valid URL");
                    self.pending.insert(pid, Pending { id: request.id, uri, kind: Kind::Plain });
                }
                return;
            }
            "workspace/executeCommand" => return self.execute(request),
            "textDocument/formatting" => {
                let doc = self.document(request.params.pointer("/textDocument/uri"));
                return match doc.map(format::edits) {
                    Some(Ok(edits)) => self.send(Response::new_ok(request.id, edits)),
                    Some(Err(message)) => {
                        self.refuse(request.id, ErrorCode::RequestFailed, message)
                    }
                    None => self.send(Response::new_ok(request.id, Value::Null)),
                };
            }
            "textDocument/semanticTokens/full" => {
                let uri = request.params.pointer("/textDocument/uri");
                let tokens = self.document(uri).map(semantic::tokens);
                return self.send(Response::new_ok(request.id, tokens));
            }
            _ => {
                let message = format!("unknown request {}", request.method);
                return self.refuse(request.id, ErrorCode::MethodNotFound, message);
            }
        };
        self.forward(request, kind);
    }

    /// The document whose URI is `uri`.
    fn document(&self, uri: Option<&Value>) -> Option<&crate::document::Document> {
        let uri = Url::parse(uri?.as_str()?).ok()?;
        self.ws.get(&uri.to_file_path().ok()?)
    }

    /// The φ document and position of a position request.
    fn at(&self, params: &Value) -> Option<(Url, Position)> {
        let uri = Url::parse(params.get("textDocument")?.get("uri")?.as_str()?).ok()?;
        let at = serde_json::from_value(params.get("position")?.clone()).ok()?;
        Some((uri, at))
    }

    /// Sends `request` to the Python server about the twin, or answers without it.
    fn forward(&mut self, request: Request, kind: Kind) {
        let Some((uri, at)) = self.at(&request.params) else {
            let message = "expected a text document and a position".to_string();
            return self.refuse(request.id, ErrorCode::InvalidParams, message);
        };
        let pending = Pending { id: request.id, uri: uri.clone(), kind };
        let doc = uri.to_file_path().ok().and_then(|p| self.ws.get(&p));
        let (Some(doc), Some(_)) = (doc, self.python.as_ref()) else {
            let answer = pending.without_python(&self.ws);
            return self.send(answer);
        };
        let mut params = request.params;
        let twin = Url::from_file_path(&doc.twin).ok();
        params["textDocument"]["uri"] = json!(twin);
        params["position"] = json!(doc.to_python(at));
        let twin_path = doc.twin.clone();
        let path = doc.path.clone();
        if !self.opened.contains_key(&twin_path) {
            self.open_in_python(&path);
        }
        if let Some(python) = self.python.as_mut() {
            let id = python.request(&request.method, params);
            self.pending.insert(id, pending);
        }
    }

    fn execute(&mut self, request: Request) {
        let command = request.params.get("command").and_then(Value::as_str).unwrap_or("");
        if command != SHOW_PYTHON {
            let message = format!("unknown command {command}");
            return self.refuse(request.id, ErrorCode::InvalidParams, message);
        }
        match self.document(request.params.pointer("/arguments/0")) {
            Some(doc) => self.send(Response::new_ok(request.id, doc.python.clone())),
            None => self.refuse(
                request.id,
                ErrorCode::InvalidParams,
                format!("{SHOW_PYTHON} expects the URI of a φ file the server knows"),
            ),
        }
    }
}
