//! The symbol table as `GET /symbols` gives it: the core's listing (the reference's
//! `python_to_phicode`, `phicode_to_python` and `symbol_count`, plus each symbol's code
//! points, kind and origin), with the reference's `success`.

use phicode_core::SymbolTable;
use phicode_core::symbols::Listing;
use serde::Serialize;

#[derive(Serialize)]
struct Answer<'a> {
    success: bool,
    #[serde(flatten)]
    listing: Listing<'a>,
}

/// The listing of `table` as JSON bytes.
pub fn json(table: &SymbolTable) -> Vec<u8> {
    let answer = Answer { success: true, listing: Listing::of(table) };
    // Serializing strings and numbers into a Vec cannot fail.
    serde_json::to_vec(&answer).unwrap_or_default()
}
