//! GET /info, /symbols, /openapi.json and POST /convert over real HTTP.
#![allow(clippy::unwrap_used)]

mod common;

use serde_json::json;

#[tokio::test]
async fn info_and_symbols_keep_the_reference_shapes() {
    let server = common::start(common::config()).await;
    let (status, info) = server.get("/info").await;
    assert_eq!(status, 200);
    assert_eq!(info["success"], true);
    assert_eq!(info["badge"], "(φ)");
    assert_eq!(info["symbol"], "φ");
    assert!(info["python_info"].is_string() && info["api_version"].is_string());
    let (status, symbols) = server.get("/symbols").await;
    assert_eq!(status, 200);
    assert_eq!(symbols["symbol_count"], 48);
    assert_eq!(symbols["python_to_phicode"]["if"], "¿");
    assert_eq!(symbols["phicode_to_python"]["≔"], ":=");
}

#[tokio::test]
async fn converts_both_ways_with_a_dialect_and_places_problems() {
    let server = common::start(common::config()).await;
    let (status, done) = server.post("/convert", &json!({"code": "¿ x: π(f\"{ℓ(xs)}\")"})).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["converted"], "if x: print(f\"{len(xs)}\")");
    assert_eq!(done["target"], "python");
    assert_eq!(done["symbols_used"], json!(["¿", "π", "ℓ"]));

    let body = json!({"code": "for i in range(3): pass", "target": "phicode"});
    let (status, done) = server.post("/convert", &body).await;
    assert_eq!((status, done["converted"].as_str()), (200, Some("∀ i ∈ ⟪(3): ⋯")));

    let body = json!({"code": "si x: imprimir(1)", "dialect": {"if": "si", "print": "imprimir"}});
    let (_, done) = server.post("/convert", &body).await;
    assert_eq!(done["converted"], "if x: print(1)");

    let body = json!({"code": "x = 1\nπ = 3", "target": "phicode"});
    let (status, refused) = server.post("/convert", &body).await;
    assert_eq!(status, 422);
    assert_eq!(refused["success"], false);
    assert_eq!(refused["problems"][0]["line"], 2);
    assert_eq!(refused["problems"][0]["column"], 1);

    let (status, done) = server.post("/convert", &json!({"code": "x = 1\ny = 'open"})).await;
    assert_eq!(status, 200);
    assert_eq!(done["problems"][0]["line"], 2);
    assert_eq!(done["problems"][0]["column"], 5);

    let body = json!({"code": "x", "dialect": {"if": "¿¿"}, "strict": true});
    let (status, refused) = server.post("/convert", &body).await;
    assert_eq!((status, refused["code"].as_str()), (422, Some("invalid_dialect")));
}

#[tokio::test]
async fn the_openapi_document_lists_every_endpoint() {
    let server = common::start(common::config()).await;
    let (status, doc) = server.get("/openapi.json").await;
    assert_eq!(status, 200);
    for path in
        ["/info", "/symbols", "/convert", "/execute", "/sessions", "/sessions/{id}/ws", "/promises"]
    {
        assert!(doc["paths"][path].is_object(), "{path} is missing");
    }
}
