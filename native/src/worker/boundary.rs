//! The typed boundary between the engine's Python and the protocol. Work reaches Python
//! as the protocol's own fields (`type`, `id`, then the message's, as PROTOCOL.md names
//! them); every message Python sends is deserialised into the protocol's struct for its
//! type, strictly: an unknown type, a field of the wrong type, a missing field or a field
//! the message does not have is a Python exception naming it, never a default.

use phicode_sessions::protocol::Message;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pythonize::{Depythonizer, pythonize};
use serde::de::DeserializeOwned;

/// A message from the host as Python sees it: a dict of the protocol's fields.
pub fn to_python<'py>(
    py: Python<'py>,
    envelope: &phicode_sessions::protocol::Envelope,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize(py, envelope)?)
}

/// The message of type `kind` whose fields are the dict `fields`. Only the types the
/// engine produces are accepted: the rest (`output`, `input`, `ready`, ...) are the
/// Rust side's to send.
pub fn message(kind: &str, fields: &Bound<'_, PyAny>) -> PyResult<Message> {
    Ok(match kind {
        "result" => Message::Result(strict(kind, fields)?),
        "error" => Message::Error(strict(kind, fields)?),
        "display" => Message::Display(strict(kind, fields)?),
        "checkpoint" => Message::Checkpoint(strict(kind, fields)?),
        "restore_reply" => Message::RestoreReply(strict(kind, fields)?),
        "complete_reply" => Message::CompleteReply(strict(kind, fields)?),
        "is_complete_reply" => Message::IsCompleteReply(strict(kind, fields)?),
        "inspect_reply" => Message::InspectReply(strict(kind, fields)?),
        _ => {
            return Err(PyValueError::new_err(format!("the engine cannot send `{kind}` messages")));
        }
    })
}

/// `fields` as a `T`, refusing fields `T` does not have (serde would skip them, and a
/// misspelt optional field would silently keep its default).
fn strict<T: DeserializeOwned>(kind: &str, fields: &Bound<'_, PyAny>) -> PyResult<T> {
    let mut unknown = Vec::new();
    let mut record = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
    let mut depythonizer = Depythonizer::from_object(fields);
    let value = serde_ignored::deserialize(&mut depythonizer, &mut record);
    match (value, unknown.first()) {
        (Ok(value), None) => Ok(value),
        (Ok(_), Some(field)) => {
            Err(PyTypeError::new_err(format!("`{kind}` message has no field `{field}`")))
        }
        // Again, to say where: tracking the path costs a little, so only on failure.
        (Err(_), _) => Err(located::<T>(kind, fields)),
    }
}

/// Why `fields` is not a `T`, naming the field at fault.
fn located<T: DeserializeOwned>(kind: &str, fields: &Bound<'_, PyAny>) -> PyErr {
    let mut depythonizer = Depythonizer::from_object(fields);
    match serde_path_to_error::deserialize::<_, T>(&mut depythonizer) {
        Err(e) => {
            let at = e.path().to_string();
            PyTypeError::new_err(format!("`{kind}` message, field `{at}`: {}", e.into_inner()))
        }
        Ok(_) => PyTypeError::new_err(format!("`{kind}` message: unreadable fields")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use phicode_sessions::protocol::{Envelope, ExecMode, Execute};
    use pyo3::types::PyDict;

    use super::*;

    fn fields<'py>(py: Python<'py>, python: &str) -> Bound<'py, PyAny> {
        let code = std::ffi::CString::new(python).unwrap();
        py.eval(&code, None, None).unwrap()
    }

    fn refusal(kind: &str, python: &str) -> String {
        Python::initialize();
        Python::attach(|py| message(kind, &fields(py, python)).unwrap_err().to_string())
    }

    #[test]
    fn a_result_with_the_protocols_fields_becomes_a_typed_message() {
        Python::initialize();
        let python = "{'execution_id': 'x1', 'repr': '2', 'value': 2, 'data': None, \
            'execution_count': 1, 'execution_time': 0.5, 'mode': 'async'}";
        let got = Python::attach(|py| message("result", &fields(py, python)).unwrap());
        let Message::Result(result) = got else { panic!("not a result: {got:?}") };
        assert_eq!((result.execution_id.as_str(), result.mode), ("x1", ExecMode::Async));
        assert_eq!(result.value, Some(serde_json::json!(2)));
    }

    #[test]
    fn an_unknown_message_type_is_an_error() {
        assert!(refusal("resultt", "{}").contains("cannot send `resultt`"));
        assert!(refusal("output", "{}").contains("cannot send `output`"));
    }

    #[test]
    fn a_field_of_the_wrong_type_is_an_error_naming_the_field() {
        let python = "{'execution_id': 'x1', 'execution_time': 'soon', 'mode': 'sync'}";
        let why = refusal("result", python);
        assert!(why.contains("field `execution_time`"), "{why}");
    }

    #[test]
    fn an_unknown_kind_or_mode_is_an_error_not_a_default() {
        let python = "{'execution_id': 'x', 'kind': 'oops', 'exception_type': 'E', \
            'exception_message': '', 'traceback': ''}";
        assert!(refusal("error", python).contains("field `kind`"));
        let python = "{'execution_id': 'x', 'execution_time': 0.0, 'mode': 'later'}";
        assert!(refusal("result", python).contains("field `mode`"));
    }

    #[test]
    fn a_field_the_message_does_not_have_is_an_error() {
        let python =
            "{'execution_id': 'x', 'execution_time': 0.0, 'mode': 'sync', 'executon_count': 3}";
        assert!(refusal("result", python).contains("no field `executon_count`"));
    }

    #[test]
    fn a_missing_field_is_an_error() {
        assert!(
            refusal("result", "{'execution_id': 'x', 'mode': 'sync'}").contains("execution_time")
        );
    }

    #[test]
    fn work_reaches_python_as_the_protocols_fields() {
        Python::initialize();
        let envelope = Envelope::new("x7", Message::Execute(Execute::new("π(1)")));
        Python::attach(|py| {
            let dict = to_python(py, &envelope).unwrap().cast_into::<PyDict>().unwrap();
            let get = |k: &str| dict.get_item(k).unwrap().unwrap().to_string();
            assert_eq!(
                (get("type"), get("id"), get("code")),
                ("execute".into(), "x7".into(), "π(1)".into())
            );
            assert_eq!(get("transaction_policy"), "commit_always");
        });
    }
}
