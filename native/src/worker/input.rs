//! The questions code asks the host and waits for: `input()` (an `input` message, answered
//! with a line or end of input), `approve()` (an `approval`, answered with a verdict) and
//! capability calls (a `call`, answered with a value or a refusal). Each waits without the
//! GIL, and an interrupt ends the wait.

use std::time::Duration;

use phicode_sessions::protocol::{Approval, Call, CallFailure, Input, Message, Verdict};
use pyo3::exceptions::{
    PyEOFError, PyKeyboardInterrupt, PyOSError, PyPermissionError, PyTimeoutError, PyTypeError,
};
use pyo3::prelude::*;

use super::inbox::InputEvent;
use super::state::worker;

/// `input()`: asks the host for a line on behalf of `execution`.
#[pyfunction]
#[pyo3(signature = (execution, prompt, password=false, timeout=None))]
pub fn request_input(
    py: Python<'_>,
    execution: &str,
    prompt: &str,
    password: bool,
    timeout: Option<f64>,
) -> PyResult<String> {
    let input_id = worker().next_question_id(execution, "input");
    let request =
        Input { execution_id: execution.to_owned(), prompt: prompt.to_owned(), password, timeout };
    let limit = timeout.filter(|t| t.is_finite() && *t >= 0.0).map(Duration::from_secs_f64);
    match ask(py, input_id, execution, Message::Input(request), limit)? {
        Some(InputEvent::Line(line)) => Ok(line),
        _ => Err(PyEOFError::new_err("EOF when reading a line")),
    }
}

/// `approve(prompt, data)`: asks the host whether `execution` may go on; `data` is JSON
/// text saying what about.
#[pyfunction]
pub fn request_approval(
    py: Python<'_>,
    execution: &str,
    prompt: &str,
    data: &str,
) -> PyResult<bool> {
    let approval_id = worker().next_question_id(execution, "approve");
    let data = serde_json::from_str(data).unwrap_or_default();
    let request = Approval { execution_id: execution.to_owned(), prompt: prompt.to_owned(), data };
    match ask(py, approval_id.clone(), execution, Message::Approval(request), None)? {
        Some(InputEvent::Verdict(Verdict::Granted)) => Ok(true),
        Some(InputEvent::Verdict(Verdict::TimedOut)) => Err(PyTimeoutError::new_err(format!(
            "nobody answered the approval {approval_id} in time"
        ))),
        _ => Ok(false),
    }
}

/// A capability call of `execution`: `arguments` is a JSON object's text; returns the
/// value's JSON text, or raises what the host's refusal maps to.
#[pyfunction]
pub fn request_call(
    py: Python<'_>,
    execution: &str,
    capability: &str,
    arguments: &str,
) -> PyResult<String> {
    let call_id = worker().next_question_id(execution, "call");
    let arguments = serde_json::from_str(arguments)
        .map_err(|e| PyTypeError::new_err(format!("{capability}: arguments: {e}")))?;
    let call =
        Call { execution_id: execution.to_owned(), capability: capability.to_owned(), arguments };
    let Some(InputEvent::Reply(reply)) = ask(py, call_id, execution, Message::Call(call), None)?
    else {
        return Err(PyOSError::new_err(format!("{capability}: the host did not answer")));
    };
    match reply.failure {
        None => Ok(reply.value.to_string()),
        Some(CallFailure::Denied) => Err(PyPermissionError::new_err(reply.message)),
        Some(CallFailure::BadArguments) => Err(PyTypeError::new_err(reply.message)),
        Some(CallFailure::Failed) => Err(PyOSError::new_err(reply.message)),
    }
}

/// Sends `question` as message `id` and waits (up to `limit`) for its answer; an
/// interrupt is KeyboardInterrupt.
fn ask(
    py: Python<'_>,
    id: String,
    execution: &str,
    question: Message,
    limit: Option<Duration>,
) -> PyResult<Option<InputEvent>> {
    let worker = worker();
    let answers = worker.inbox.wait_input(&id, execution);
    worker.outbox.send_with_id(id.clone(), question);
    let answer = py.detach(move || match limit {
        Some(limit) => answers.recv_timeout(limit).ok(),
        None => answers.recv().ok(),
    });
    worker.inbox.drop_input(&id);
    if let Some(InputEvent::Interrupted) = answer {
        // This raise stands for the interrupt: the SIGINT on its way must not raise again.
        worker.inbox.take_interrupt();
        return Err(PyKeyboardInterrupt::new_err(()));
    }
    Ok(answer)
}
