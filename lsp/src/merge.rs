//! The server's own answers joined with the Python server's: a symbol's line above the
//! hover, the symbol completions before the Python ones.

use lsp_types::{
    CompletionItem, CompletionList, CompletionResponse, Hover, HoverContents, MarkupContent,
    MarkupKind, Range, Url,
};

use crate::mapping::Mapper;

/// The symbol's line above the Python server's hover (its range moved to φ).
pub fn hover(
    own: Option<(String, Range)>,
    theirs: Option<Hover>,
    map: &Mapper<'_>,
    uri: &Url,
) -> Option<Hover> {
    let theirs_text = theirs.as_ref().map(|h| match &h.contents {
        HoverContents::Markup(m) => m.value.clone(),
        HoverContents::Scalar(s) => marked(s),
        HoverContents::Array(a) => a.iter().map(marked).collect::<Vec<_>>().join("\n\n"),
    });
    let range = own
        .as_ref()
        .map(|(_, r)| *r)
        .or_else(|| theirs.as_ref().and_then(|h| h.range).map(|r| map.range(uri, r)));
    let parts: Vec<String> = own.map(|(t, _)| t).into_iter().chain(theirs_text).collect();
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

fn marked(s: &lsp_types::MarkedString) -> String {
    match s {
        lsp_types::MarkedString::String(s) => s.clone(),
        lsp_types::MarkedString::LanguageString(l) => {
            format!("```{}\n{}\n```", l.language, l.value)
        }
    }
}

pub fn completions(
    own: Vec<CompletionItem>,
    theirs: Option<CompletionResponse>,
) -> CompletionResponse {
    let (incomplete, mut items) = match theirs {
        Some(CompletionResponse::List(l)) => (l.is_incomplete, l.items),
        Some(CompletionResponse::Array(a)) => (false, a),
        None => (false, Vec::new()),
    };
    items.splice(0..0, own);
    CompletionResponse::List(CompletionList { is_incomplete: incomplete, items })
}
