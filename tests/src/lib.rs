//! Helpers shared by the cross-crate tests: the conformance corpus, the Python interpreters
//! it is checked with, and the standard-library round trip.

pub mod conformance;
pub mod corpus;
pub mod python;
pub mod stdlib;

/// The script that compiles many sources in one interpreter (see its docstring).
pub const COMPILE_CHECK: &str = include_str!("../scripts/compile_check.py");

/// The tokenize oracle run over Python → φ outputs (see its docstring).
pub const TOKENIZE_ORACLE: &str = include_str!("../scripts/tokenize_oracle.py");
