//! The guest side as the host sees it: the wasmtime engine and the compiled CPython
//! ([`runtime`]), single instances of it ([`instance`]), the limits they run under
//! ([`limiter`], [`watch`]).

pub mod engine;
pub mod instance;
pub mod limiter;
pub mod runtime;
pub mod watch;
