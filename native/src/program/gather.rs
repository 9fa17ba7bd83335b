//! What an external interpreter needs ahead of time, and what `--interpreter auto` judges:
//! for a file, the modules it imports from its folder, transpiled only as they are reached
//! (a program in a folder of many unrelated φ files starts at once); for a module or a
//! folder, whose imports the host does not follow, the tree under it.

use std::path::{Path, PathBuf};

use phicode_core::SymbolTable;

use super::bundle::{self, Bundle};
use super::plan::{Kind, Plan};
use super::{auto, reach};

/// The bundle, and `(path, Python)` of each file of the program.
pub fn gather(plan: &Plan, table: &SymbolTable) -> (Bundle, Vec<(PathBuf, String)>) {
    let target = std::path::absolute(&plan.target).unwrap_or_else(|_| PathBuf::from(&plan.target));
    let mut transpiled = Vec::new();
    let mut python_of = |path: &Path| -> Option<String> {
        if path.extension().is_some_and(|e| e == "py") {
            return auto::read_py(path).map(|(_, text)| text);
        }
        let file = bundle::transpile(path, table)?;
        let python = file.1.clone();
        transpiled.push(file);
        Some(python)
    };
    let main = match plan.kind {
        Kind::Phi | Kind::Py => python_of(&target),
        _ => None,
    };
    let Some(main) = main else {
        let bundle = Bundle::collect(&plan.path0, table);
        let program = bundle.sources().map(|(p, s)| (p.to_path_buf(), s.to_string())).collect();
        return (bundle, program);
    };
    let program = reach::reachable((&target, &main), &plan.path0, &mut python_of);
    (Bundle::of(transpiled), program)
}
