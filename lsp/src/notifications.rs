//! The editor's notifications: φ documents opened, edited, saved and closed, and files
//! changed on disk. Each change converts the document, rewrites its twin, tells the Python
//! server and publishes the server's own diagnostics at once.

use std::path::PathBuf;

use lsp_server::Notification;
use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileChangeType, Url,
};
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::diagnostics;
use crate::server::Server;
use crate::shadow::is_phicode;

impl Server<'_> {
    /// Handles one notification of the editor.
    pub(crate) fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Some(p) = params::<DidOpenTextDocumentParams>(n) else { return };
                let Some(path) = phicode_path(&p.text_document.uri) else { return };
                let doc = self.ws.load(self.host, path.clone(), p.text_document.text);
                doc.version = Some(p.text_document.version);
                self.open_in_python(&path);
                self.check(&path);
            }
            "textDocument/didChange" => {
                let Some(p) = params::<DidChangeTextDocumentParams>(n) else { return };
                let Some(path) = phicode_path(&p.text_document.uri) else { return };
                let Some(doc) = self.ws.get_mut(&path) else { return };
                let before = doc.python.clone();
                doc.apply(p.content_changes);
                doc.version = Some(p.text_document.version);
                self.ws.save_twin(&path);
                self.changed_in_python(&path, Some(&before));
                self.check(&path);
            }
            "textDocument/didClose" => {
                let Some(p) = params::<DidCloseTextDocumentParams>(n) else { return };
                let Some(path) = phicode_path(&p.text_document.uri) else { return };
                self.close_in_python(&path);
                // From now on the file is what the disk holds.
                if let Ok(text) = std::fs::read_to_string(&path) {
                    self.ws.load(self.host, path.clone(), text);
                }
                self.own.remove(&path);
                self.from_python.remove(&path);
                self.publish(&path);
            }
            "textDocument/didSave" => {
                let Some(p) = params::<DidSaveTextDocumentParams>(n) else { return };
                if let Ok(path) = p.text_document.uri.to_file_path() {
                    self.disk_changed(&[path]);
                }
            }
            "workspace/didChangeWatchedFiles" => {
                let Some(p) = params::<DidChangeWatchedFilesParams>(n) else { return };
                let paths: Vec<PathBuf> = p
                    .changes
                    .iter()
                    .filter(|c| c.typ != FileChangeType::DELETED)
                    .filter_map(|c| c.uri.to_file_path().ok())
                    .collect();
                self.disk_changed(&paths);
            }
            _ => {}
        }
    }

    /// Files changed on disk: a config reloads every dialect, a φ file not open in the
    /// editor is read again and its twin rewritten.
    fn disk_changed(&mut self, paths: &[PathBuf]) {
        if paths.iter().any(|p| self.host.is_config(p)) {
            self.ws.reload_dialects(self.host);
            let open: Vec<PathBuf> = self.opened_documents();
            for path in &open {
                self.changed_in_python(path, None);
                self.check(path);
            }
            self.publish_configs();
        }
        let mut twins = Vec::new();
        for path in paths.iter().filter(|p| is_phicode(p)) {
            let open = self.ws.get(path).is_some_and(|d| d.version.is_some());
            if !open && let Ok(text) = std::fs::read_to_string(path) {
                let doc = self.ws.load(self.host, path.clone(), text);
                twins.push(json!({"uri": Url::from_file_path(&doc.twin).ok(), "type": 2}));
            }
        }
        if let (false, Some(python)) = (twins.is_empty(), self.python.as_mut()) {
            python.notify("workspace/didChangeWatchedFiles", json!({"changes": twins}));
        }
    }

    /// The documents open in the editor.
    fn opened_documents(&self) -> Vec<PathBuf> {
        self.ws.documents().filter(|d| d.version.is_some()).map(|d| d.path.clone()).collect()
    }

    /// Publishes the problems of every config in use on the config file itself.
    pub(crate) fn publish_configs(&self) {
        let mut seen = Vec::new();
        for doc in self.ws.documents() {
            let Some(path) = &doc.dialect.path else { continue };
            if seen.contains(path) {
                continue;
            }
            seen.push(path.clone());
            let Ok(uri) = Url::from_file_path(path) else { continue };
            let params = lsp_types::PublishDiagnosticsParams {
                uri,
                diagnostics: diagnostics::config_file(&doc.dialect.issues),
                version: None,
            };
            self.send(Notification::new("textDocument/publishDiagnostics".into(), params));
        }
    }
}

fn params<T: DeserializeOwned>(n: Notification) -> Option<T> {
    serde_json::from_value(n.params).ok()
}

fn phicode_path(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path().ok().filter(|p| is_phicode(p))
}
