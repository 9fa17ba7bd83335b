//! The program of `phicode -c CODE` and `phicode -` (read from stdin) as Python: φ is
//! converted here, by the host, so any interpreter (embedded or external) runs it alike.

use std::io::Read;

use phicode_core::{Options, SymbolTable, to_python_with};

use super::plan::{Kind, Plan};
use crate::error::Error;

/// The code of `plan` (the `-c` text, or stdin read whole) converted to Python.
pub fn as_python(plan: &Plan, table: &SymbolTable) -> Result<String, Error> {
    let text = match plan.kind {
        Kind::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read { path: "<stdin>".into(), source })?;
            String::from_utf8(bytes)
                .map_err(|_| Error::Usage("the program on stdin is not UTF-8 text".into()))?
        }
        _ => plan.target.to_string_lossy().into_owned(),
    };
    // Lexical problems stay in the output, so Python reports them on the same line.
    Ok(to_python_with(&text, table, Options::default()).code)
}
