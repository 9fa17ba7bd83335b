//! The guest side as the host sees it: the wasmtime engine and the compiled CPython
//! ([`runtime`]), single instances of it ([`instance`], whose pipes `lines` reads), and
//! the limits they run under ([`limiter`], [`watch`]).

pub mod engine;
pub mod instance;
pub mod limiter;
mod lines;
pub mod runtime;
pub mod watch;
