//! `execute_request`: `execute_input`, the cell run through the durable session, its
//! `execute_result` or `error` (the traceback in φ positions, coloured as IPython's), the
//! figures it left open, its user expressions, and the `execute_reply` (`name?` and
//! `name??` go to the pager instead).

use std::collections::HashMap;

use jupyter_protocol::{
    ErrorOutput, ExecuteInput, ExecuteReply, ExecuteRequest, ExecuteResult, ExpressionResult,
    JupyterMessage, ReplyError, ReplyStatus, Transient,
};
use phicode_durable::End;
use phicode_durable::repl::styled_traceback;
use phicode_sessions::protocol::{ErrorKind, ErrorMessage, ExecResult, Execute};
use serde_json::{Map, Value};
use zeromq::RouterSendHalf;

use crate::drive::{self, count, media};
use crate::kernel::Kernel;
use crate::{pager, setup};

/// Runs the cell of `request` and replies on `shell`; true when it failed and asked for
/// the cells queued behind it to be aborted (`stop_on_error`).
pub async fn execute(
    kernel: &Kernel,
    shell: &RouterSendHalf,
    request: &JupyterMessage,
    cell: &ExecuteRequest,
) -> bool {
    let reply = match pager::page_name(&cell.code) {
        Some((name, detail)) => pager::page(kernel, request, name, detail).await,
        None => run_cell(kernel, request, cell).await,
    };
    let abort = cell.stop_on_error && matches!(reply.status, ReplyStatus::Error);
    kernel.reply(shell, request, reply).await;
    abort
}

/// The reply to an execute request aborted because a cell before it failed.
pub fn aborted(kernel: &Kernel) -> ExecuteReply {
    ExecuteReply {
        status: ReplyStatus::Aborted,
        execution_count: count(kernel.count()),
        user_expressions: Some(HashMap::new()),
        ..Default::default()
    }
}

async fn run_cell(
    kernel: &Kernel,
    request: &JupyterMessage,
    cell: &ExecuteRequest,
) -> ExecuteReply {
    let store = cell.store_history && !cell.silent;
    let guess = kernel.count() + u64::from(store);
    if !cell.silent {
        let input = ExecuteInput { code: cell.code.clone(), execution_count: count(guess) };
        kernel.publish(Some(request), input);
    }
    let code = Execute {
        store_history: store,
        silent: cell.silent,
        allow_stdin: cell.allow_stdin,
        ..Execute::new(cell.code.clone())
    };
    let outcome = drive::run(kernel, request, code).await;
    let (n, error) = match outcome.map(|o| o.end) {
        Ok(End::Result(result)) => {
            let n = result.execution_count.unwrap_or(guess);
            kernel.saw_count(n);
            let output = show_result(kernel, request, &result, cell.silent, n);
            if store {
                kernel.history.add(n, &cell.code, output);
            }
            (n, None)
        }
        Ok(End::Error(e)) => {
            let n = e.execution_count.unwrap_or(guess);
            kernel.saw_count(n);
            if store {
                kernel.history.add(n, &cell.code, None);
            }
            if e.kind == ErrorKind::WorkerDied {
                // The recovered worker is a new process: it needs the kernel's builtins.
                setup::prepare(kernel).await;
            }
            (n, Some(error_of(&e)))
        }
        Err(e) => {
            let error = ReplyError {
                ename: "KernelError".into(),
                evalue: e.to_string(),
                traceback: vec![format!("phicode kernel: {e}")],
            };
            (guess, Some(error))
        }
    };
    if kernel.figures.load(std::sync::atomic::Ordering::Relaxed) {
        let _ = drive::run(kernel, request, setup::flush()).await;
    }
    match error {
        None => ExecuteReply {
            status: ReplyStatus::Ok,
            execution_count: count(n),
            payload: Vec::new(),
            user_expressions: Some(expressions(kernel, request, cell).await),
            error: None,
        },
        Some(error) => {
            let shown = ErrorOutput {
                ename: error.ename.clone(),
                evalue: error.evalue.clone(),
                traceback: error.traceback.clone(),
            };
            kernel.publish(Some(request), shown);
            ExecuteReply {
                status: ReplyStatus::Error,
                execution_count: count(n),
                payload: Vec::new(),
                user_expressions: Some(HashMap::new()),
                error: Some(Box::new(error)),
            }
        }
    }
}

/// Publishes the cell's value (unless silent); its plain text, for the history.
fn show_result(
    kernel: &Kernel,
    request: &JupyterMessage,
    result: &ExecResult,
    silent: bool,
    n: u64,
) -> Option<String> {
    let bundle = bundle_of(result)?;
    let plain = bundle.get("text/plain").and_then(Value::as_str).map(str::to_owned);
    if !silent {
        let shown = ExecuteResult {
            execution_count: count(n),
            data: media(bundle),
            metadata: Map::new(),
            transient: Some(Transient { display_id: None }),
        };
        kernel.publish(Some(request), shown);
    }
    plain
}

/// The value's MIME bundle (its repr as text/plain at least); none for no value.
fn bundle_of(result: &ExecResult) -> Option<Map<String, Value>> {
    let mut bundle = result.data.clone().unwrap_or_default();
    if let Some(repr) = &result.repr {
        bundle.entry("text/plain").or_insert_with(|| Value::String(repr.clone()));
    }
    (!bundle.is_empty()).then_some(bundle)
}

/// The error as Jupyter shows it: the traceback's lines, coloured.
fn error_of(e: &ErrorMessage) -> ReplyError {
    let traceback = match e.traceback.trim() {
        "" => vec![format!("\x1b[1;31m{}\x1b[0m: {}", e.exception_type, e.exception_message)],
        text => styled_traceback(text).lines().map(str::to_owned).collect(),
    };
    ReplyError { ename: e.exception_type.clone(), evalue: e.exception_message.clone(), traceback }
}

/// The request's user expressions, each evaluated silently after the cell.
async fn expressions(
    kernel: &Kernel,
    request: &JupyterMessage,
    cell: &ExecuteRequest,
) -> HashMap<String, ExpressionResult> {
    let mut results = HashMap::new();
    let Some(asked) = &cell.user_expressions else { return results };
    for (name, expression) in asked {
        let code = Execute {
            store_history: false,
            allow_stdin: false,
            capture_source: false,
            ..Execute::new(expression.clone())
        };
        let result = match drive::run(kernel, request, code).await.map(|o| o.end) {
            Ok(End::Result(r)) => ExpressionResult::Ok {
                data: media(bundle_of(&r).unwrap_or_default()),
                metadata: Map::new(),
            },
            Ok(End::Error(e)) => {
                let ReplyError { ename, evalue, traceback } = error_of(&e);
                ExpressionResult::Error { ename, evalue, traceback }
            }
            Err(e) => ExpressionResult::Error {
                ename: "KernelError".into(),
                evalue: e.to_string(),
                traceback: Vec::new(),
            },
        };
        results.insert(name.clone(), result);
    }
    results
}
