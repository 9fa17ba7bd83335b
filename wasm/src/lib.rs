//! wasm-bindgen bindings over `phicode-core` (the npm package `phicode`).
