//! `phicode lsp`: a language server for φ over stdio.
//!
//! The server keeps every φ file of the workspace converted, with its column map, and writes
//! each one's Python as a `.py` twin into a shadow folder. Lexical errors, dialect problems
//! and Python's SyntaxError are its own diagnostics; hover and completion know the symbols.
//! Everything about Python (types, definitions, references, rename, completion, signature
//! help, type diagnostics) comes from a real Python language server (pyright by default)
//! working on the shadow folder: requests go to the twin with positions mapped through the
//! column map, and answers come back mapped to the φ files.

mod capabilities;
mod diagnostics;
mod document;
mod error;
mod event_loop;
mod format;
mod host;
mod mapping;
mod merge;
mod notifications;
mod pending;
mod python;
mod requests;
mod semantic;
mod server;
mod shadow;
mod symbols;
mod text;
mod twins;
mod wire;
mod workspace;

pub use error::Error;
pub use host::{Dialect, Host, SyntaxProblem};
pub use python::default_command;
pub use requests::SHOW_PYTHON;

use std::path::PathBuf;

use lsp_types::{InitializeParams, InitializeResult, ServerInfo, Url};

/// How the server runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The Python language server's command line (`None`: φ features only).
    pub python_server: Option<Vec<String>>,
}

/// Serves one editor over standard input and output until it says `exit`.
pub fn run_stdio(host: &dyn Host, options: &Options) -> Result<(), Error> {
    serve(wire::Client::stdio(), host, options)
}

/// Serves the editor `client`: its `initialize`, then everything up to its `exit`.
fn serve(mut client: wire::Client, host: &dyn Host, options: &Options) -> Result<(), Error> {
    let (id, params) = client.initialize()?;
    let capabilities = params.get("capabilities").cloned().unwrap_or_default();
    let params: InitializeParams = serde_json::from_value(params)?;
    let root = workspace_root(&params);
    let ws = workspace::Workspace::new(root, host)?;
    let python = options.python_server.as_ref().and_then(|command| {
        match python::start(command, ws.shadow_root(), &capabilities) {
            Ok(server) => Some(server),
            Err(e) => {
                // The φ features still work: say why the Python ones do not.
                let message = format!("phicode lsp: {e}; φ features only");
                client.send(lsp_server::Notification::new(
                    "window/showMessage".into(),
                    serde_json::json!({"type": 2, "message": message}),
                ));
                None
            }
        }
    });
    let result = InitializeResult {
        capabilities: capabilities::server_capabilities(python.is_some()),
        server_info: Some(ServerInfo {
            name: "phicode".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    // The editor's `initialized` comes next; the loop takes it like any notification.
    client.send(lsp_server::Response::new_ok(id, result));
    let mut server = server::Server::new(host, client, ws, python);
    server.publish_configs();
    server.run()
}

/// The first workspace folder, else the root URI, else the current folder.
#[allow(deprecated)] // root_uri: older editors send only it.
fn workspace_root(params: &InitializeParams) -> PathBuf {
    let folder = params.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| &f.uri);
    folder
        .or(params.root_uri.as_ref())
        .and_then(|uri: &Url| uri.to_file_path().ok())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}
