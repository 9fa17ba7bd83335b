//! Messages that no Python code produced: the `error` a worker or a host makes up when a
//! request fails, a message cannot be understood or a worker dies, and the end of input
//! a host answers an `input()` with when nobody will.

use super::execution::{ErrorKind, ErrorMessage, InputResponse};

impl ErrorMessage {
    /// An `error` of `kind` about execution or request `about`, named `exception_type`
    /// (`ProtocolError`, `WorkerDied`, ...). The message is the first line of `detail`;
    /// the traceback is `exception_type: detail`, as Python would print such an exception.
    pub fn synthetic(
        about: Option<String>,
        kind: ErrorKind,
        exception_type: &str,
        detail: &str,
    ) -> Self {
        Self {
            execution_id: about,
            kind,
            exception_type: exception_type.to_owned(),
            exception_message: detail.lines().next().unwrap_or_default().to_owned(),
            traceback: format!("{exception_type}: {detail}\n"),
            frames: Vec::new(),
            execution_count: None,
            execution_time: None,
        }
    }
}

impl InputResponse {
    /// End of input for `input_id`: the waiting `input()` raises EOFError.
    pub fn eof(input_id: String) -> Self {
        Self { input_id, data: String::new(), eof: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_error_keeps_its_first_line_as_the_message_and_all_of_it_in_the_traceback() {
        let e = ErrorMessage::synthetic(None, ErrorKind::WorkerDied, "WorkerDied", "gone\nstderr");
        assert_eq!(e.exception_message, "gone");
        assert_eq!(e.traceback, "WorkerDied: gone\nstderr\n");
        assert_eq!(e.kind, ErrorKind::WorkerDied);
    }
}
