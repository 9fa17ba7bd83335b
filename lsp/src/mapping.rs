//! The Python server's answers, moved from the shadow folder's twins to the φ files: every
//! URI of a twin becomes its φ file's and every range in a twin goes through its column map.
//! Anything else (the standard library, installed packages) passes unchanged.

use std::collections::HashMap;

use lsp_types::{
    CompletionResponse, CompletionTextEdit, DocumentChangeOperation, DocumentChanges, Location,
    LocationLink, OneOf, Range, TextEdit, Url, WorkspaceEdit,
};

use crate::document::Document;
use crate::workspace::Workspace;

/// Moves URIs and ranges of the Python server's answers to the φ side.
pub struct Mapper<'w> {
    ws: &'w Workspace,
}

impl<'w> Mapper<'w> {
    /// A mapper over the workspace's documents.
    pub fn new(ws: &'w Workspace) -> Self {
        Self { ws }
    }

    /// The document of a twin, or of a φ file itself (whose ranges the Python server
    /// gave in twin coordinates: the hover of the document asked about).
    fn doc(&self, uri: &Url) -> Option<&'w Document> {
        let path = uri.to_file_path().ok()?;
        self.ws.by_twin(&path).or_else(|| self.ws.get(&path))
    }

    /// The φ URI of a twin (or the real file a shadow link stands for).
    pub fn uri(&self, uri: &Url) -> Url {
        let real = uri.to_file_path().ok().and_then(|p| self.ws.real_path(&p));
        real.and_then(|p| Url::from_file_path(p).ok()).unwrap_or_else(|| uri.clone())
    }

    /// A range in the file `uri` names, on the φ side.
    pub fn range(&self, uri: &Url, range: Range) -> Range {
        self.doc(uri).map_or(range, |d| d.range_to_phicode(range))
    }

    /// A location.
    pub fn location(&self, l: Location) -> Location {
        Location { range: self.range(&l.uri, l.range), uri: self.uri(&l.uri) }
    }

    /// A location link; its origin is in the requesting document `origin`.
    pub fn link(&self, l: LocationLink, origin: &Url) -> LocationLink {
        LocationLink {
            origin_selection_range: l.origin_selection_range.map(|r| self.range(origin, r)),
            target_range: self.range(&l.target_uri, l.target_range),
            target_selection_range: self.range(&l.target_uri, l.target_selection_range),
            target_uri: self.uri(&l.target_uri),
        }
    }

    /// Edits to the file `uri` names.
    pub fn edits(&self, uri: &Url, edits: Vec<TextEdit>) -> Vec<TextEdit> {
        edits.into_iter().map(|e| TextEdit { range: self.range(uri, e.range), ..e }).collect()
    }

    /// A workspace edit (a rename), in either of its shapes.
    pub fn workspace_edit(&self, edit: WorkspaceEdit) -> WorkspaceEdit {
        let changes = edit.changes.map(|changes| {
            changes
                .into_iter()
                .map(|(uri, edits)| (self.uri(&uri), self.edits(&uri, edits)))
                .collect::<HashMap<_, _>>()
        });
        let document_edit = |mut e: lsp_types::TextDocumentEdit| {
            let uri = e.text_document.uri.clone();
            e.edits = e
                .edits
                .into_iter()
                .map(|edit| match edit {
                    OneOf::Left(t) => {
                        OneOf::Left(TextEdit { range: self.range(&uri, t.range), ..t })
                    }
                    OneOf::Right(mut a) => {
                        a.text_edit.range = self.range(&uri, a.text_edit.range);
                        OneOf::Right(a)
                    }
                })
                .collect();
            e.text_document.version = self.doc(&uri).and_then(|d| d.version);
            e.text_document.uri = self.uri(&uri);
            e
        };
        let document_changes = edit.document_changes.map(|changes| match changes {
            DocumentChanges::Edits(edits) => {
                DocumentChanges::Edits(edits.into_iter().map(document_edit).collect())
            }
            DocumentChanges::Operations(ops) => DocumentChanges::Operations(
                ops.into_iter()
                    .map(|op| match op {
                        DocumentChangeOperation::Edit(e) => {
                            DocumentChangeOperation::Edit(document_edit(e))
                        }
                        other => other,
                    })
                    .collect(),
            ),
        });
        WorkspaceEdit { changes, document_changes, ..edit }
    }

    /// Completions in the requesting document `uri`.
    pub fn completions(&self, uri: &Url, response: CompletionResponse) -> CompletionResponse {
        let map_items = |items: Vec<lsp_types::CompletionItem>| -> Vec<_> {
            items
                .into_iter()
                .map(|mut item| {
                    item.text_edit = item.text_edit.map(|edit| match edit {
                        CompletionTextEdit::Edit(e) => CompletionTextEdit::Edit(TextEdit {
                            range: self.range(uri, e.range),
                            ..e
                        }),
                        CompletionTextEdit::InsertAndReplace(mut e) => {
                            e.insert = self.range(uri, e.insert);
                            e.replace = self.range(uri, e.replace);
                            CompletionTextEdit::InsertAndReplace(e)
                        }
                    });
                    item.additional_text_edits =
                        item.additional_text_edits.map(|edits| self.edits(uri, edits));
                    item
                })
                .collect()
        };
        match response {
            CompletionResponse::Array(items) => CompletionResponse::Array(map_items(items)),
            CompletionResponse::List(mut list) => {
                list.items = map_items(list.items);
                CompletionResponse::List(list)
            }
        }
    }
}
