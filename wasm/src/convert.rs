//! The two conversions, shaped for JS: `{code, symbolsUsed, sourceMapData?, diagnostics,
//! warnings}`, `code` a string (UTF-16 units in wasm memory for Node, bytes for a bytes
//! source); `api.js` turns `sourceMapData` into `sourceMap`. Python → φ refusals become an
//! `Error` listing every problem.

use js_sys::Uint32Array;
use phicode_core::{Conversion, Entry, SourceMap, to_phicode_with, to_python_with};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::error::{located, set};
use crate::options::Options;
use crate::output::{Diagnostic, Issue, Problem, to_js};
use crate::room;
use crate::source::Source;
use crate::table::{self, Table};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Shaped<'a> {
    symbols_used: Vec<&'a Entry>,
    diagnostics: Vec<Diagnostic>,
    warnings: Vec<Issue<'a>>,
}

/// The column map as one array of numbers: per line `line, count`, then `count` segments of
/// `phicodeColumn, phicodeLen, pythonColumn, pythonLen`. Building a JS object per segment
/// from Rust costs a boundary crossing per field; `api.js` builds the objects when the map
/// is first read.
fn flat(map: &SourceMap) -> Uint32Array {
    let mut numbers = Vec::new();
    for line in map.lines() {
        numbers.extend([line.line, line.segments.len() as u32]);
        for s in line.segments {
            numbers.extend([s.phicode_column, s.phicode_len, s.python_column, s.python_len]);
        }
    }
    Uint32Array::from(numbers.as_slice())
}

fn shape(mut conversion: Conversion, table: &Table, source: &Source) -> Result<JsValue, JsValue> {
    let shaped = to_js(&Shaped {
        symbols_used: (conversion.symbols_used.iter())
            .filter_map(|&i| table.table.entry(i))
            .collect(),
        diagnostics: conversion.diagnostics.iter().map(Diagnostic::from).collect(),
        warnings: table.warnings.iter().map(Issue::from).collect(),
    })?;
    source.put_code(&shaped, std::mem::take(&mut conversion.code))?;
    if let Some(map) = &conversion.source_map {
        js_sys::Reflect::set(&shaped, &"sourceMapData".into(), &flat(map))?;
    }
    Ok(shaped)
}

/// The core's options, once the map (when asked for) is known to fit.
fn core_options(options: &Options, source: &Source) -> Result<phicode_core::Options, JsValue> {
    if options.source_map {
        room::check_mapped(source.text.len())?;
    }
    Ok(phicode_core::Options { source_map: options.source_map })
}

/// φ → Python.
pub(crate) fn to_python(source: &Source, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = &Options::from_js(options)?;
    let table = table::get(options.dialect.as_deref(), options.strict)?;
    let conversion = to_python_with(&source.text, &table.table, core_options(options, source)?);
    shape(conversion, &table, source)
}

/// Python → φ, or an `Error` at the first place that would not round-trip.
pub(crate) fn to_phicode(source: &Source, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = &Options::from_js(options)?;
    let table = table::get(options.dialect.as_deref(), options.strict)?;
    match to_phicode_with(&source.text, &table.table, core_options(options, source)?) {
        Ok(conversion) => shape(conversion, &table, source),
        Err(refused) => {
            let first = refused.problems.first().map(|p| p.position);
            let error = located(&refused.to_string(), "round_trip", first);
            let problems: Vec<Problem> = refused.problems.iter().map(Problem::from).collect();
            set(&error, "problems", &to_js(&problems)?);
            Err(error.into())
        }
    }
}
