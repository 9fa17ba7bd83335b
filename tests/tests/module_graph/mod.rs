//! A crate's module graph at file granularity and its cycles (strongly connected components).

mod python;
mod refs;
mod tokens;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a crate's graph could not be built.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("cannot read {file}: {source}", file = file.display())]
    Read { file: PathBuf, source: std::io::Error },
    #[error("cannot parse {file}: {source}", file = file.display())]
    Parse { file: PathBuf, source: syn::Error },
    #[error("no file for module {module} (a #[path] attribute is not followed)")]
    MissingModule { module: String },
}

/// Where an edge is made: a file (relative to the base directory) and a line in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub file: PathBuf,
    pub line: usize,
}

/// Module files and which of them name which, with the first place each edge is made.
pub struct Graph {
    /// Module paths, `crate` for the root, sorted.
    pub modules: Vec<String>,
    pub edges: BTreeMap<(usize, usize), Site>,
}

impl Graph {
    /// The graph of the crate whose root file is `base/root` (`lib.rs` or `main.rs`).
    pub fn load(base: &Path, root: &Path) -> Result<Self, GraphError> {
        let files = tree::module_files(base, root)?;
        let names: Vec<&[String]> = files.iter().map(|f| f.name.as_slice()).collect();
        let mut edges = BTreeMap::new();
        for (from, file) in files.iter().enumerate() {
            for reference in refs::references(file) {
                // The longest prefix that is a file module; inline modules belong to their file.
                let to = (0..=reference.path.len())
                    .rev()
                    .find_map(|len| names.iter().position(|n| *n == &reference.path[..len]));
                if let Some(to) = to.filter(|&to| to != from) {
                    let site = Site { file: file.file.clone(), line: reference.line };
                    edges.entry((from, to)).or_insert(site);
                }
            }
        }
        let modules =
            names.iter().map(|n| if n.is_empty() { "crate".into() } else { n.join("::") });
        Ok(Self { modules: modules.collect(), edges })
    }

    /// The strongly connected components of more than one module, each sorted.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        let mut successors = vec![Vec::new(); self.modules.len()];
        for &(from, to) in self.edges.keys() {
            successors[from].push(to);
        }
        let mut tarjan = Tarjan::new(&successors);
        for node in 0..successors.len() {
            if tarjan.index[node].is_none() {
                tarjan.visit(node);
            }
        }
        let mut cycles: Vec<Vec<usize>> =
            tarjan.components.into_iter().filter(|c| c.len() > 1).collect();
        cycles.iter_mut().for_each(|c| c.sort_unstable());
        cycles.sort();
        cycles
    }

    /// Each cycle as its modules, then each of its edges with where it is made.
    pub fn describe(&self, cycles: &[Vec<usize>]) -> String {
        let mut text = String::new();
        for cycle in cycles {
            let names: Vec<&str> = cycle.iter().map(|&m| self.modules[m].as_str()).collect();
            text += &format!("cycle: {}\n", names.join(", "));
            for ((from, to), site) in &self.edges {
                if cycle.contains(from) && cycle.contains(to) {
                    let (from, to) = (&self.modules[*from], &self.modules[*to]);
                    text +=
                        &format!("  {from} -> {to}  at {}:{}\n", site.file.display(), site.line);
                }
            }
        }
        text
    }
}

/// Tarjan's algorithm; recursion is fine, module trees are shallow and small.
struct Tarjan<'a> {
    successors: &'a [Vec<usize>],
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    visited: usize,
    components: Vec<Vec<usize>>,
}

impl<'a> Tarjan<'a> {
    fn new(successors: &'a [Vec<usize>]) -> Self {
        let n = successors.len();
        Self {
            successors,
            index: vec![None; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            visited: 0,
            components: Vec::new(),
        }
    }

    fn visit(&mut self, node: usize) {
        let index = self.visited;
        self.visited += 1;
        self.index[node] = Some(index);
        self.low[node] = index;
        self.stack.push(node);
        self.on_stack[node] = true;
        let successors = self.successors;
        for &next in &successors[node] {
            match self.index[next] {
                None => {
                    self.visit(next);
                    self.low[node] = self.low[node].min(self.low[next]);
                }
                Some(seen) if self.on_stack[next] => self.low[node] = self.low[node].min(seen),
                Some(_) => {}
            }
        }
        if self.low[node] == index {
            let at = self.stack.iter().rposition(|&n| n == node).unwrap_or(0);
            let component: Vec<usize> = self.stack.split_off(at);
            component.iter().for_each(|&n| self.on_stack[n] = false);
            self.components.push(component);
        }
    }
}
