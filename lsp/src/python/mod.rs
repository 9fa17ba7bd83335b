//! The Python language server that gives φ its Python intelligence: started on the shadow
//! folder, initialized, and answered when it asks the editor's side something.

mod process;

pub use process::PythonServer;

use std::path::Path;
use std::time::{Duration, Instant};

use lsp_server::{Message, Request, Response};
use lsp_types::Url;
use serde_json::{Value, json};

use crate::error::Error;

/// How long the Python server may take to answer `initialize`.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The Python language server found on `PATH`: pyright's, or basedpyright's.
pub fn default_command() -> Option<Vec<String>> {
    let path = std::env::var_os("PATH")?;
    ["pyright-langserver", "basedpyright-langserver"].iter().find_map(|name| {
        let found = std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())?;
        Some(vec![found.to_string_lossy().into_owned(), "--stdio".into()])
    })
}

/// Starts `command` on the shadow folder `root` and completes its handshake, passing on
/// the editor's `capabilities` (so it answers in the formats the editor reads).
pub fn start(command: &[String], root: &Path, capabilities: &Value) -> Result<PythonServer, Error> {
    let mut server = PythonServer::spawn(command)?;
    let uri = Url::from_directory_path(root).map_err(|()| Error::NoPythonServer)?;
    let mut capabilities = capabilities.clone();
    // Positions stay UTF-16 on both sides, the LSP's default.
    if let Some(general) = capabilities.get_mut("general").and_then(Value::as_object_mut) {
        general.remove("positionEncodings");
    }
    // Diagnostics name the text version they are of, so stale ones can be told apart
    // (whatever the editor reads, this side of the bridge reads versions).
    set(&mut capabilities, &["textDocument", "publishDiagnostics", "versionSupport"], json!(true));
    let params = json!({
        "processId": std::process::id(),
        "rootUri": uri,
        "rootPath": root,
        "workspaceFolders": [{"uri": uri, "name": "phicode"}],
        "capabilities": capabilities,
    });
    let id = server.request("initialize", params);
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        match server.recv_until(deadline)? {
            Message::Response(r) if r.id == id => {
                r.response_result.map_err(|e| Error::PythonInitialize(e.message))?;
                break;
            }
            Message::Request(request) => server.respond(answer(&request)),
            _ => {}
        }
    }
    server.notify("initialized", json!({}));
    Ok(server)
}

/// Sets `value`'s field at `path` to `leaf`, making objects on the way (the editor's
/// capabilities are its to shape: what is not an object where one belongs is replaced).
fn set(value: &mut Value, path: &[&str], leaf: Value) {
    let Some((first, rest)) = path.split_first() else {
        *value = leaf;
        return;
    };
    if !value.is_object() {
        *value = json!({});
    }
    if let Some(fields) = value.as_object_mut() {
        set(fields.entry(*first).or_insert(Value::Null), rest, leaf);
    }
}

/// What the editor's side says to the Python server's own requests: its settings, and a
/// plain yes to registrations and progress tokens (the shadow folder is ours to watch).
pub fn answer(request: &Request) -> Response {
    let result = match request.method.as_str() {
        "workspace/configuration" => {
            let items = request.params.get("items").and_then(Value::as_array);
            let settings = items.into_iter().flatten().map(|item| {
                match item.get("section").and_then(Value::as_str) {
                    Some("python") => json!({}),
                    Some("python.analysis") => json!({
                        "diagnosticMode": "openFilesOnly",
                        "autoSearchPaths": true,
                        "useLibraryCodeForTypes": true,
                    }),
                    _ => Value::Null,
                }
            });
            Value::Array(settings.collect())
        }
        _ => Value::Null,
    };
    Response::new_ok(request.id.clone(), result)
}
