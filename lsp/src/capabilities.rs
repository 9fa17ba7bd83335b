//! What `phicode lsp` tells the editor it can do.

use lsp_types::{
    CompletionOptions, ExecuteCommandOptions, HoverProviderCapability, OneOf, RenameOptions,
    SaveOptions, ServerCapabilities, SignatureHelpOptions, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use crate::requests::SHOW_PYTHON;
use crate::semantic;

/// The capabilities; the Python ones only when a Python server runs.
pub fn server_capabilities(python: bool) -> ServerCapabilities {
    let sync = TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(TextDocumentSyncKind::INCREMENTAL),
        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
            include_text: Some(false),
        })),
        ..TextDocumentSyncOptions::default()
    };
    let completion = CompletionOptions {
        // `\` starts a symbol's name; `.` asks the Python server for attributes.
        trigger_characters: Some(vec!["\\".into(), ".".into()]),
        resolve_provider: Some(python),
        ..CompletionOptions::default()
    };
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        completion_provider: Some(completion),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![SHOW_PYTHON.into()],
            ..ExecuteCommandOptions::default()
        }),
        definition_provider: python.then_some(OneOf::Left(true)),
        declaration_provider: python.then_some(lsp_types::DeclarationCapability::Simple(true)),
        type_definition_provider: python
            .then_some(lsp_types::TypeDefinitionProviderCapability::Simple(true)),
        references_provider: python.then_some(OneOf::Left(true)),
        document_highlight_provider: python.then_some(OneOf::Left(true)),
        rename_provider: python.then_some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        signature_help_provider: python.then(|| SignatureHelpOptions {
            trigger_characters: Some(vec!["(".into(), ",".into()]),
            ..SignatureHelpOptions::default()
        }),
        semantic_tokens_provider: Some(
            lsp_types::SemanticTokensOptions {
                legend: semantic::legend(),
                full: Some(lsp_types::SemanticTokensFullOptions::Bool(true)),
                ..lsp_types::SemanticTokensOptions::default()
            }
            .into(),
        ),
        ..ServerCapabilities::default()
    }
}
