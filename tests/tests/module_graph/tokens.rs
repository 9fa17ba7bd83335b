//! Paths written in token streams that syn leaves unparsed: macro input and attribute lists.

use proc_macro2::{Span, TokenStream, TokenTree};

/// Every run of `ident::ident...` of two segments or more, not itself after `::` (which
/// would make it the tail of a path written otherwise, or an absolute `::crate` path), with
/// the span of its first segment: `wrap_pyfunction!(stream::request_input, m)` names
/// `stream::request_input`.
pub fn paths_in(tokens: TokenStream) -> Vec<(Vec<String>, Span)> {
    let mut found = Vec::new();
    collect(tokens, &mut found);
    found
}

fn collect(tokens: TokenStream, found: &mut Vec<(Vec<String>, Span)>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            TokenTree::Group(group) => collect(group.stream(), found),
            TokenTree::Ident(first) if at < 2 || !colons(&tokens, at - 2) => {
                let mut segments = vec![first.to_string()];
                while let (true, Some(TokenTree::Ident(next))) =
                    (colons(&tokens, at + 1), tokens.get(at + 3))
                {
                    segments.push(next.to_string());
                    at += 3;
                }
                if segments.len() > 1 {
                    found.push((segments, first.span()));
                }
            }
            _ => {}
        }
        at += 1;
    }
}

/// Whether `tokens[at..]` starts with `::`.
fn colons(tokens: &[TokenTree], at: usize) -> bool {
    let is_colon =
        |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == ':');
    is_colon(tokens.get(at)) && is_colon(tokens.get(at + 1))
}
