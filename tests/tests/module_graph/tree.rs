//! Finds a crate's module files by following its `mod` declarations from the root file.

use std::path::{Path, PathBuf};

use syn::{Attribute, Item};

use super::GraphError;

/// One module file: its path from the crate root (empty for the root) and its syntax.
pub struct ModuleFile {
    pub name: Vec<String>,
    /// Relative to the base directory the graph was loaded from.
    pub file: PathBuf,
    pub syntax: syn::File,
}

/// Every module file of the crate whose root is `base/root`, the root first.
pub fn module_files(base: &Path, root: &Path) -> Result<Vec<ModuleFile>, GraphError> {
    let mut found = Vec::new();
    let mut pending = vec![(Vec::new(), root.to_path_buf())];
    while let Some((name, file)) = pending.pop() {
        let text = std::fs::read_to_string(base.join(&file))
            .map_err(|source| GraphError::Read { file: file.clone(), source })?;
        let syntax = syn::parse_file(&text)
            .map_err(|source| GraphError::Parse { file: file.clone(), source })?;
        let dir = children_dir(&file, name.is_empty());
        declared(base, &syntax.items, &name, &dir, &mut pending)?;
        found.push(ModuleFile { name, file, syntax });
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// Whether an item only exists in test builds (`#[cfg(test)]`): its references are left out,
/// since tests reach into their parent by design (`use super::*`).
pub fn is_test_only(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| match &attr.meta {
        syn::Meta::List(list) => list.path.is_ident("cfg") && list.tokens.to_string() == "test",
        _ => false,
    })
}

/// Where the files of `file`'s child modules live: beside a root or `mod.rs`, else in a
/// folder named after the file (`a.rs` → `a/`).
fn children_dir(file: &Path, is_root: bool) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("")).to_path_buf();
    match file.file_stem() {
        Some(stem) if !is_root && file.file_name() != Some("mod.rs".as_ref()) => parent.join(stem),
        _ => parent,
    }
}

/// Queues the file modules declared in `items`, looking inside inline modules too.
fn declared(
    base: &Path,
    items: &[Item],
    name: &[String],
    dir: &Path,
    pending: &mut Vec<(Vec<String>, PathBuf)>,
) -> Result<(), GraphError> {
    for item in items {
        let Item::Mod(module) = item else { continue };
        if is_test_only(&module.attrs) {
            continue;
        }
        let ident = module.ident.to_string();
        let child = [name, std::slice::from_ref(&ident)].concat();
        match &module.content {
            Some((_, inner)) => declared(base, inner, &child, &dir.join(&ident), pending)?,
            None => {
                let candidates = [dir.join(format!("{ident}.rs")), dir.join(&ident).join("mod.rs")];
                let file = candidates
                    .into_iter()
                    .find(|file| base.join(file).is_file())
                    .ok_or_else(|| GraphError::MissingModule { module: child.join("::") })?;
                pending.push((child, file));
            }
        }
    }
    Ok(())
}
