//! No module cycles in the workspace crates.
//!
//! A node is a module file: `lib.rs`/`main.rs` is the crate root, `a.rs` or `a/mod.rs` is
//! `a`, `a/b.rs` is `a::b`; inline modules belong to their file. Module M depends on N ≠ M
//! when M names (in a `use`, a type, an expression or a macro's tokens, outside `#[cfg(test)]`)
//! a path starting with `crate::`, `self::`, `super::`, a child module of M or a name M
//! imported, whose longest prefix that is a module file is N; declaring `mod n;` is not a
//! dependency. A cycle is a group of modules that depend on each other around a loop (a
//! strongly connected component): move what both sides need to where it belongs, so that
//! dependencies run one way.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod module_graph;

use std::path::Path;

use module_graph::Graph;

const DEFINITION: &str = "\
A node is a module file (lib.rs/main.rs is the crate root, a.rs or a/mod.rs is `a`; inline \
modules belong to their file). Module M depends on N when M names, outside #[cfg(test)], a path \
through crate::, self::, super::, a child module or a name M imported, whose longest prefix that \
is a module file is N (declaring `mod n;` is not a dependency). A cycle is a group of modules \
depending on each other around a loop: move what both sides need to where it belongs, so that \
dependencies run one way.";

/// The crates checked here, as named in the workspace's `members`.
const CRATES: [&str; 13] = [
    "core", "wasm", "native", "tests", "bench", "sessions", "durable", "security", "sandbox",
    "server", "lsp", "kernel", "sources",
];

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the tests crate is in the workspace")
}

/// The cycles of each root of `krate` (a library and a binary are separate crates).
fn cycles_of(base: &Path, krate: &str) -> String {
    let mut report = String::new();
    for root in ["src/lib.rs", "src/main.rs"].map(|root| Path::new(krate).join(root)) {
        if base.join(&root).is_file() {
            let graph = Graph::load(base, &root).unwrap_or_else(|e| panic!("{e}"));
            let cycles = graph.cycles();
            if !cycles.is_empty() {
                report += &format!("{}:\n{}", root.display(), graph.describe(&cycles));
            }
        }
    }
    report
}

fn assert_no_cycles(krate: &str) {
    let report = cycles_of(workspace(), krate);
    assert!(report.is_empty(), "module cycles in {krate}.\n{DEFINITION}\n\n{report}");
}

#[test]
fn core_has_no_module_cycles() {
    assert_no_cycles("core");
}

#[test]
fn wasm_has_no_module_cycles() {
    assert_no_cycles("wasm");
}

#[test]
fn native_has_no_module_cycles() {
    assert_no_cycles("native");
}

#[test]
fn sessions_has_no_module_cycles() {
    assert_no_cycles("sessions");
}

#[test]
fn durable_has_no_module_cycles() {
    assert_no_cycles("durable");
}

#[test]
fn security_has_no_module_cycles() {
    assert_no_cycles("security");
}

#[test]
fn sandbox_has_no_module_cycles() {
    assert_no_cycles("sandbox");
}

#[test]
fn server_has_no_module_cycles() {
    assert_no_cycles("server");
}

#[test]
fn bench_has_no_module_cycles() {
    assert_no_cycles("bench");
}

#[test]
fn lsp_has_no_module_cycles() {
    assert_no_cycles("lsp");
}

#[test]
fn kernel_has_no_module_cycles() {
    assert_no_cycles("kernel");
}

#[test]
fn sources_has_no_module_cycles() {
    assert_no_cycles("sources");
}

#[test]
fn tests_crate_has_no_module_cycles() {
    assert_no_cycles("tests");
}

/// Outside the workspace, but its shared checks are a crate too.
#[test]
fn fuzz_has_no_module_cycles() {
    assert_no_cycles("fuzz");
}

#[test]
fn every_workspace_member_is_checked() {
    let manifest = std::fs::read_to_string(workspace().join("Cargo.toml")).unwrap();
    let members = manifest.lines().find_map(|l| l.strip_prefix("members = "));
    let members = members.expect("the workspace lists its members on one line");
    let mut members: Vec<&str> = members.split('"').skip(1).step_by(2).collect();
    members.sort_unstable();
    let mut checked = CRATES.to_vec();
    checked.sort_unstable();
    assert_eq!(members, checked, "add a test for each new member");
}

/// Writes `files` (path, text) under a temporary directory.
fn fake_crate(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn checker_reports_a_sibling_pair_and_a_parent_with_its_child() {
    let dir = fake_crate(&[
        ("src/lib.rs", "mod a;\nmod b;\nmod parent;\n"),
        ("src/a.rs", "use crate::b;\npub fn f() -> b::B { b::B }\n"),
        ("src/b.rs", "pub struct B;\npub fn g() -> String { format!(\"{:?}\", crate::a::f) }\n"),
        ("src/parent/mod.rs", "mod child;\npub struct Y;\npub fn h() { let _ = child::X; }\n"),
        ("src/parent/child.rs", "pub struct X;\npub fn k() -> super::Y { super::Y }\n"),
    ]);
    let report = cycles_of(dir.path(), "");
    let expected = "\
src/lib.rs:
cycle: a, b
  a -> b  at src/a.rs:1
  b -> a  at src/b.rs:2
cycle: parent, parent::child
  parent -> parent::child  at src/parent/mod.rs:3
  parent::child -> parent  at src/parent/child.rs:2
";
    assert_eq!(report, expected);
}

#[test]
fn checker_passes_one_way_dependencies_and_ignores_tests_and_inline_modules() {
    let dir = fake_crate(&[
        ("src/lib.rs", "mod a;\nmod b;\npub use a::A;\n"),
        ("src/a.rs", "use crate::b::B;\npub struct A(B);\n"),
        (
            "src/b.rs",
            "pub struct B;\nmod inner { use super::B; }\n\
             #[cfg(test)]\nmod tests { use crate::a::A; use super::*; }\n",
        ),
    ]);
    let graph = Graph::load(dir.path(), Path::new("src/lib.rs")).unwrap();
    let edges: Vec<(&str, &str)> = graph
        .edges
        .keys()
        .map(|&(from, to)| (graph.modules[from].as_str(), graph.modules[to].as_str()))
        .collect();
    assert_eq!(edges, [("crate", "a"), ("a", "b")]);
    assert!(graph.cycles().is_empty());
}

/// The session engine's Python package (see `module_graph/python.rs` for what counts).
#[test]
fn the_engine_package_imports_one_way() {
    let folder = Path::new("native/src/python/engine");
    let graph = Graph::python_package(workspace(), folder, "_phicode_engine").unwrap();
    assert!(graph.modules.len() > 5 && !graph.edges.is_empty(), "{:?}", graph.modules);
    let cycles = graph.cycles();
    assert!(cycles.is_empty(), "import cycles in the engine:\n{}", graph.describe(&cycles));
}

#[test]
fn checker_reports_a_python_cycle_hidden_in_a_lazy_import() {
    let dir = fake_crate(&[
        ("pkg/__init__.py", "\"\"\"A package.\"\"\"\n"),
        ("pkg/a.py", "from .b import shown\n"),
        ("pkg/b.py", "def shown():\n    from pkg.a import later  # it loads after this module\n"),
        ("pkg/c.py", "from . import a\n"),
    ]);
    let graph = Graph::python_package(dir.path(), Path::new("pkg"), "pkg").unwrap();
    let expected = "cycle: a, b\n  a -> b  at pkg/a.py:1\n  b -> a  at pkg/b.py:2\n";
    assert_eq!(graph.describe(&graph.cycles()), expected);
}
