//! `phicode worker`: one interactive session's interpreter, driven by a host over the
//! protocol of `sessions/PROTOCOL.md` on stdin/stdout. The Python engine (the package in
//! `src/python/engine/`) runs cells on the main thread's asyncio loop; Rust threads do the
//! I/O: a reader that never needs the GIL (so interrupts always get through), an output
//! flusher, fd capture, heartbeats, and a control thread for cancel and editing requests.
//!
//! It lives in the `phicode` crate, not in `phicode-sessions`, because it needs what this
//! crate's `embed` module does for `phicode run` (the `.φ` import hook, φ positions in
//! code objects and SyntaxErrors); the sessions crate stays free of libpython.
//!
//! Data flows one way: `serve` sets up `state` (the shared `state::Worker`: `outbox`,
//! `inbox`) and starts the threads (`reader`, `control`, `threads`) and the engine
//! (`engine`), which calls back only through `module` (`_phicode_worker`), whose messages
//! cross the typed `boundary`.

mod boundary;
mod cell;
mod control;
mod engine;
mod fds;
mod handshake;
mod inbox;
mod input;
mod module;
mod outbox;
mod reader;
mod reply;
mod serve;
mod state;
mod stream;
mod threads;

pub use serve::serve_session;
