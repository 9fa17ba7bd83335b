//! `input()`'s round trip: an `input` message to the host, then a wait without the GIL
//! for the line, end of input, an interrupt or the timeout.

use std::time::Duration;

use phicode_sessions::protocol::{Input, Message};
use pyo3::exceptions::{PyEOFError, PyKeyboardInterrupt};
use pyo3::prelude::*;

use super::inbox::InputEvent;
use super::state::worker;

/// `input()`: asks the host for a line on behalf of `execution`, waiting without the GIL.
#[pyfunction]
#[pyo3(signature = (execution, prompt, password=false, timeout=None))]
pub fn request_input(
    py: Python<'_>,
    execution: &str,
    prompt: &str,
    password: bool,
    timeout: Option<f64>,
) -> PyResult<String> {
    let worker = worker();
    let input_id = worker.next_input_id(execution);
    let answers = worker.inbox.wait_input(&input_id, execution);
    let request =
        Input { execution_id: execution.to_owned(), prompt: prompt.to_owned(), password, timeout };
    worker.outbox.send_with_id(input_id.clone(), Message::Input(request));
    let limit = timeout.filter(|t| t.is_finite() && *t >= 0.0).map(Duration::from_secs_f64);
    let answer = py.detach(move || match limit {
        Some(limit) => answers.recv_timeout(limit).ok(),
        None => answers.recv().ok(),
    });
    worker.inbox.drop_input(&input_id);
    match answer {
        Some(InputEvent::Line(line)) => Ok(line),
        Some(InputEvent::Interrupted) => {
            // This raise stands for the interrupt: the SIGINT on its way must not raise again.
            worker.inbox.take_interrupt();
            Err(PyKeyboardInterrupt::new_err(()))
        }
        Some(InputEvent::Eof) | None => Err(PyEOFError::new_err("EOF when reading a line")),
    }
}
