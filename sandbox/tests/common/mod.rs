//! A host for the sandbox's tests: `serve` on in-process pipes, frames in JSON, and the
//! few waits the tests need.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Write;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use phicode_sandbox::{Ended, Limits, Options, SandboxError};
use phicode_sessions::protocol::{
    DEFAULT_MAX_FRAME, Envelope, ErrorMessage, ExecResult, Execute, Format, Message, Output,
    StreamName, decode, encode, read_frame,
};

/// Longest wait for any one message: generous, tests never assert on time.
const PATIENCE: Duration = Duration::from_secs(120);

pub struct Host {
    to_sandbox: std::io::PipeWriter,
    frames: Receiver<Envelope>,
    pub serving: Option<JoinHandle<Result<Ended, SandboxError>>>,
    pub ready: Envelope,
    next: u64,
}

/// What one execution produced.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub result: Option<ExecResult>,
    pub error: Option<ErrorMessage>,
}

impl Run {
    pub fn value(&self) -> &ExecResult {
        self.result.as_ref().unwrap_or_else(|| panic!("expected a result: {self:#?}"))
    }
    pub fn error(&self) -> &ErrorMessage {
        self.error.as_ref().unwrap_or_else(|| panic!("expected an error: {self:#?}"))
    }
}

/// The wasm the tests run, or a failure saying how to get it (never a silent skip).
pub fn python_wasm() -> std::path::PathBuf {
    phicode_sandbox::locate::python_wasm().unwrap_or_else(|e| {
        panic!("the sandbox tests need CPython for WASI: {e}\n(scripts/setup.sh installs it)")
    })
}

/// Compiles the module into the cache once per test binary, before any session starts,
/// so parallel tests on a fresh machine do not all compile it at once.
fn warm_cache() {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        let dir = phicode_sandbox::cache::default_dir();
        let _ = phicode_sandbox::guest::runtime::Runtime::load(&python_wasm(), dir.as_deref());
    });
}

pub fn options(limits: Limits) -> Options {
    Options {
        limits,
        format: Format::Json,
        heartbeat: None,
        python_wasm: Some(python_wasm()),
        ..Options::default()
    }
}

impl Host {
    pub fn start() -> Self {
        Self::with(options(Limits::default()))
    }

    pub fn with(options: Options) -> Self {
        warm_cache();
        let (from_host, to_sandbox) = std::io::pipe().unwrap();
        let (from_sandbox, to_host) = std::io::pipe().unwrap();
        let serving =
            std::thread::spawn(move || phicode_sandbox::serve(options, from_host, to_host));
        let (tx, frames) = channel();
        std::thread::spawn(move || {
            let mut reader = std::io::BufReader::new(from_sandbox);
            while let Ok(Some(payload)) = read_frame(&mut reader, DEFAULT_MAX_FRAME) {
                if tx.send(decode(&payload, Format::Json).unwrap()).is_err() {
                    return;
                }
            }
        });
        let Ok(ready) = frames.recv_timeout(PATIENCE) else {
            panic!("the sandbox did not say ready: {:?}", serving.join());
        };
        Self { to_sandbox, frames, serving: Some(serving), ready, next: 0 }
    }

    pub fn send(&mut self, body: Message) -> String {
        self.next += 1;
        let id = format!("h{}", self.next);
        self.send_as(&id, body);
        id
    }

    pub fn send_as(&mut self, id: &str, body: Message) {
        let frame = encode(&Envelope::new(id, body), Format::Json, DEFAULT_MAX_FRAME).unwrap();
        self.to_sandbox.write_all(&frame).unwrap();
    }

    pub fn recv(&self) -> Envelope {
        self.frames.recv_timeout(PATIENCE).expect("a message from the sandbox")
    }

    /// Runs `code` and gathers everything up to its result or error.
    pub fn run(&mut self, code: &str) -> Run {
        let id = self.send(Message::Execute(Execute::new(code)));
        self.finish(&id)
    }

    /// Gathers `id`'s output until its result or error.
    pub fn finish(&mut self, id: &str) -> Run {
        let mut run =
            Run { stdout: String::new(), stderr: String::new(), result: None, error: None };
        loop {
            match self.recv().body {
                Message::Output(Output { execution_id, stream, data })
                    if execution_id.as_deref() == Some(id) =>
                {
                    match stream {
                        StreamName::Stdout => run.stdout += &data,
                        StreamName::Stderr => run.stderr += &data,
                    }
                }
                Message::Result(r) if r.execution_id == id => {
                    run.result = Some(r);
                    return run;
                }
                Message::Error(e) if e.execution_id.as_deref() == Some(id) => {
                    run.error = Some(e);
                    return run;
                }
                _ => {}
            }
        }
    }

    /// The next message answering `request_id`.
    pub fn reply_to(&self, request_id: &str) -> Message {
        loop {
            let envelope = self.recv();
            let body = envelope.body;
            let about = body.request_id().or(body.execution_id()).map(str::to_owned);
            if about.as_deref() == Some(request_id) {
                return body;
            }
        }
    }

    /// Closes the host's side and waits for `serve` to return.
    pub fn close(mut self) -> Result<Ended, SandboxError> {
        let serving = self.serving.take().unwrap();
        drop(self.to_sandbox);
        serving.join().unwrap()
    }
}
