//! A request the Python server is answering for the editor: whom to answer, and how to
//! move its answer to the φ side (with what the server adds of its own).

use lsp_server::{ErrorCode, RequestId, Response};
use lsp_types::{
    CompletionItem, CompletionResponse, DocumentHighlight, GotoDefinitionResponse, Hover, Location,
    PrepareRenameResponse, Range, Url, WorkspaceEdit,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::mapping::Mapper;
use crate::merge::{completions, hover};
use crate::workspace::Workspace;

/// How to treat the answer.
#[derive(Debug)]
pub enum Kind {
    /// Hover, with the server's own line for a symbol under the cursor.
    Hover(Option<(String, Range)>),
    /// Definition, declaration, type definition, implementation.
    Locations,
    /// References.
    References,
    /// Rename.
    Rename,
    /// Prepare rename.
    PrepareRename,
    /// Document highlights.
    Highlights,
    /// Completion, with the server's own symbol items first.
    Completion(Vec<CompletionItem>),
    /// Passed on as it is (signature help, completion resolve).
    Plain,
}

/// One forwarded request.
#[derive(Debug)]
pub struct Pending {
    /// The editor's request id.
    pub id: RequestId,
    /// The φ document asked about.
    pub uri: Url,
    /// What to do with the answer.
    pub kind: Kind,
}

impl Pending {
    /// The editor's answer, from the Python server's `response`.
    pub fn answer(self, ws: &Workspace, response: Response) -> Response {
        let result = match response.response_result {
            Ok(result) => result,
            Err(error) => {
                if let Kind::Hover(_) | Kind::Completion(_) = self.kind {
                    return self.without_python(ws);
                }
                return Response { id: self.id, response_result: Err(error) };
            }
        };
        let map = Mapper::new(ws);
        let uri = &self.uri;
        let mapped: Value = match self.kind {
            Kind::Hover(own) => to_value(hover(own, parse::<Hover>(result), &map, uri)),
            Kind::Locations => to_value(parse::<GotoDefinitionResponse>(result).map(|r| match r {
                GotoDefinitionResponse::Scalar(l) => {
                    GotoDefinitionResponse::Scalar(map.location(l))
                }
                GotoDefinitionResponse::Array(ls) => {
                    GotoDefinitionResponse::Array(ls.into_iter().map(|l| map.location(l)).collect())
                }
                GotoDefinitionResponse::Link(ls) => {
                    GotoDefinitionResponse::Link(ls.into_iter().map(|l| map.link(l, uri)).collect())
                }
            })),
            Kind::References => to_value(
                parse::<Vec<Location>>(result)
                    .map(|ls| ls.into_iter().map(|l| map.location(l)).collect::<Vec<_>>()),
            ),
            Kind::Rename => to_value(parse::<WorkspaceEdit>(result).map(|e| map.workspace_edit(e))),
            Kind::PrepareRename => {
                to_value(parse::<PrepareRenameResponse>(result).map(|r| match r {
                    PrepareRenameResponse::Range(r) => {
                        PrepareRenameResponse::Range(map.range(uri, r))
                    }
                    PrepareRenameResponse::RangeWithPlaceholder { range, placeholder } => {
                        PrepareRenameResponse::RangeWithPlaceholder {
                            range: map.range(uri, range),
                            placeholder,
                        }
                    }
                    other => other,
                }))
            }
            Kind::Highlights => to_value(parse::<Vec<DocumentHighlight>>(result).map(|hs| {
                hs.into_iter()
                    .map(|h| DocumentHighlight { range: map.range(uri, h.range), ..h })
                    .collect::<Vec<_>>()
            })),
            Kind::Completion(own) => {
                let theirs = parse::<CompletionResponse>(result).map(|r| map.completions(uri, r));
                to_value(completions(own, theirs))
            }
            Kind::Plain => result,
        };
        Response::new_ok(self.id, mapped)
    }

    /// The editor's answer when there is no Python server (or it failed): what the server
    /// knows by itself.
    pub fn without_python(self, ws: &Workspace) -> Response {
        match self.kind {
            Kind::Hover(own) => {
                Response::new_ok(self.id, hover(own, None, &Mapper::new(ws), &self.uri))
            }
            Kind::Completion(own) => Response::new_ok(self.id, completions(own, None)),
            _ => Response::new_err(
                self.id,
                ErrorCode::RequestFailed as i32,
                "no Python language server is running".into(),
            ),
        }
    }
}

fn parse<T: DeserializeOwned>(value: Value) -> Option<T> {
    serde_json::from_value::<Option<T>>(value).ok().flatten()
}

fn to_value(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
