//! `phicode symbols`: the table as text and as JSON, with a dialect.
#![allow(clippy::unwrap_used)]

mod common;

use common::Project;

#[test]
fn table_lists_all_48_defaults_with_codepoints() {
    let p = Project::new();
    let out = p.phicode(&["symbols"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 49, "{text}");
    assert!(lines[0].starts_with("SYMBOL"));
    let walrus = lines.iter().find(|l| l.starts_with('≔')).unwrap();
    let cells: Vec<&str> = walrus.split_whitespace().collect();
    assert_eq!(cells, ["≔", "U+2254", ":=", "default"]);
}

#[test]
fn json_has_both_maps_and_dialect_entries() {
    let p = Project::new();
    p.write(".phicode/config.json", r#"{"symbols": {"if": "si", "numpy": "𝕟"}}"#);
    let out = p.phicode(&["symbols", "--json"]).assert().success().get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["symbol_count"], 50);
    assert_eq!(json["python_to_phicode"]["if"], "si");
    assert_eq!(json["python_to_phicode"]["numpy"], "𝕟");
    assert_eq!(json["python_to_phicode"][":="], "≔");
    assert_eq!(json["phicode_to_python"]["¿"], "if");
    assert_eq!(json["phicode_to_python"]["si"], "if");
    let numpy = &json["symbols"][49];
    assert_eq!(numpy["codepoints"][0], "U+1D55F");
    assert_eq!(numpy["origin"], "dialect");
    assert_eq!(json["symbols"][48]["kind"], "word");
}

#[test]
fn explicit_config_wins_over_discovery() {
    let p = Project::new();
    p.write(".phicode/config.json", r#"{"symbols": {"if": "si"}}"#);
    p.write("other.json", r#"{"symbols": {"for": "para"}}"#);
    let out = p
        .phicode(&["symbols", "--json", "--config", "other.json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["python_to_phicode"]["for"], "para");
    assert_eq!(json["python_to_phicode"]["if"], "¿");
}
