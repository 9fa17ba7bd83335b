//! The module paths one file names, resolved the way rustc resolves them in that module.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::visit::{self, Visit};
use syn::{Item, UseTree};

use super::tokens::paths_in;
use super::tree::{ModuleFile, is_test_only};

/// A path that starts inside the crate, with the line of the file it is written on.
pub struct Reference {
    pub path: Vec<String>,
    pub line: usize,
}

/// Everything `module` names through `crate::`, `self::`, `super::`, a child module or an
/// import; other paths (std, other crates, local items) cannot lead back into the crate.
pub fn references(module: &ModuleFile) -> Vec<Reference> {
    let mut refs = Refs { scopes: Vec::new(), found: Vec::new() };
    refs.module(module.name.clone(), &module.syntax.items);
    refs.found
}

/// What names mean in one module, inline or file.
struct Scope {
    path: Vec<String>,
    /// Child modules and imports, each to the crate path it stands for.
    names: HashMap<String, Vec<String>>,
}

struct Refs {
    scopes: Vec<Scope>,
    found: Vec<Reference>,
}

impl Refs {
    /// Imports are read before the rest, since a path may use a name imported below it.
    fn module(&mut self, path: Vec<String>, items: &[Item]) {
        let names = items
            .iter()
            .filter_map(|item| match item {
                Item::Mod(m) if !is_test_only(&m.attrs) => Some(m.ident.to_string()),
                _ => None,
            })
            .map(|child| (child.clone(), [path.as_slice(), &[child]].concat()))
            .collect();
        self.scopes.push(Scope { path, names });
        let (uses, others): (Vec<_>, Vec<_>) =
            items.iter().partition(|item| matches!(item, Item::Use(_)));
        uses.into_iter().chain(others).for_each(|item| self.visit_item(item));
        self.scopes.pop();
    }

    /// The crate path `segments` stands for here, if it starts inside the crate.
    fn resolve(&self, segments: &[String]) -> Option<Vec<String>> {
        let scope = self.scopes.last()?;
        let (first, rest) = segments.split_first()?;
        let supers = segments.iter().take_while(|s| *s == "super").count();
        let base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => scope.path.clone(),
            "super" => scope.path[..scope.path.len().checked_sub(supers)?].to_vec(),
            name => scope.names.get(name)?.clone(),
        };
        let rest = if supers > 0 { &segments[supers..] } else { rest };
        Some([base.as_slice(), rest].concat())
    }

    fn note(&mut self, segments: &[String], span: Span) {
        if let Some(path) = self.resolve(segments) {
            self.found.push(Reference { path, line: span.start().line });
        }
    }

    /// Notes each leaf of a `use` tree, and remembers the names it brings in.
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &UseTree) {
        let (full, alias, span) = match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
                return;
            }
            UseTree::Group(g) => return g.items.iter().for_each(|t| self.use_tree(prefix, t)),
            UseTree::Glob(g) => (prefix.clone(), None, g.star_token.spans[0]),
            UseTree::Name(n) => {
                let full = leaf(prefix, &n.ident);
                let alias = full.last().cloned();
                (full, alias, n.ident.span())
            }
            UseTree::Rename(r) => {
                let alias = Some(r.rename.to_string()).filter(|a| a != "_");
                (leaf(prefix, &r.ident), alias, r.ident.span())
            }
        };
        self.note(&full, span);
        if let (Some(alias), Some(path)) = (alias, self.resolve(&full))
            && let Some(scope) = self.scopes.last_mut()
        {
            scope.names.insert(alias, path);
        }
    }
}

/// `prefix::ident`, where `self` stands for the prefix itself (`use a::{self, B}`).
fn leaf(prefix: &[String], ident: &syn::Ident) -> Vec<String> {
    let tail = if ident == "self" { Vec::new() } else { vec![ident.to_string()] };
    [prefix, &tail].concat()
}

impl<'ast> Visit<'ast> for Refs {
    fn visit_item(&mut self, item: &'ast Item) {
        match item {
            Item::Mod(m) if is_test_only(&m.attrs) => {}
            Item::Mod(m) => {
                if let (Some((_, items)), Some(scope)) = (&m.content, self.scopes.last()) {
                    let path = [scope.path.as_slice(), &[m.ident.to_string()]].concat();
                    self.module(path, items);
                }
            }
            Item::Use(u) if u.leading_colon.is_none() && !is_test_only(&u.attrs) => {
                self.use_tree(&mut Vec::new(), &u.tree);
            }
            Item::Use(_) => {}
            _ => visit::visit_item(self, item),
        }
    }

    /// One segment names no module path: `x` alone is a local, an item or an import, and
    /// the `use` of an import is noted already.
    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() && path.segments.len() > 1 {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            self.note(&segments, path.segments[0].ident.span());
        }
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        for (segments, span) in paths_in(mac.tokens.clone()) {
            self.note(&segments, span);
        }
    }

    fn visit_meta_list(&mut self, list: &'ast syn::MetaList) {
        visit::visit_meta_list(self, list);
        for (segments, span) in paths_in(list.tokens.clone()) {
            self.note(&segments, span);
        }
    }

    /// `pub(in crate::a)` says who may see an item, not what it uses.
    fn visit_vis_restricted(&mut self, _: &'ast syn::VisRestricted) {}
}
