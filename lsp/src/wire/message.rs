//! JSON-RPC messages parsed straight into lsp-server's types. Its own `Deserialize` is an
//! untagged enum: it copies every message into serde's buffer, then tries a request (and
//! formats the error when it is an answer), then a response through `flatten` (a second
//! copy). One pass over the fields costs a fraction of that on every message both ways.

use lsp_server::{Message, Notification, Request, RequestId, Response, ResponseError};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// The fields of any JSON-RPC message (`jsonrpc` and unknown ones are ignored).
#[derive(Deserialize)]
struct Fields {
    id: Option<RequestId>,
    method: Option<String>,
    #[serde(default)]
    params: Value,
    /// `Some(Null)` for `"result": null`, `None` when there is no `result`.
    #[serde(default, deserialize_with = "present")]
    result: Option<Value>,
    error: Option<ResponseError>,
}

/// A field that is there, even as `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The message in `json`, or what is wrong with it.
pub fn parse(json: &[u8]) -> Result<Message, String> {
    let fields: Fields =
        serde_json::from_slice(json).map_err(|e| format!("a message that is not JSON: {e}"))?;
    let Fields { id, method, params, result, error } = fields;
    Ok(match (id, method) {
        (Some(id), Some(method)) => Message::Request(Request { id, method, params }),
        (None, Some(method)) => Message::Notification(Notification { method, params }),
        (Some(id), None) => Message::Response(Response {
            id,
            response_result: match error {
                Some(error) => Err(error),
                None => Ok(result.unwrap_or(Value::Null)),
            },
        }),
        (None, None) => return Err("a message with neither a method nor an id".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(message: Message) -> Message {
        let bytes = crate::wire::encode(&message);
        let body = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        parse(&bytes[body..]).unwrap()
    }

    #[test]
    fn every_kind_of_message_parses_as_lsp_server_writes_it() {
        let request = Request::new(7.into(), "textDocument/hover".into(), serde_json::json!({}));
        let Message::Request(r) = roundtrip(request.into()) else { panic!() };
        assert_eq!((r.id, r.method.as_str()), (7.into(), "textDocument/hover"));
        let Message::Notification(n) = roundtrip(Notification::new("exit".into(), ()).into())
        else {
            panic!()
        };
        assert_eq!((n.method.as_str(), n.params), ("exit", Value::Null));
        let Message::Response(r) = roundtrip(Response::new_ok("a".to_string().into(), ()).into())
        else {
            panic!()
        };
        assert_eq!((r.id, r.response_result.unwrap()), ("a".to_string().into(), Value::Null));
        let failed = Response::new_err(3.into(), -32601, "no".into());
        let Message::Response(r) = roundtrip(failed.into()) else { panic!() };
        assert_eq!(r.response_result.unwrap_err().message, "no");
    }

    #[test]
    fn what_is_no_message_says_so() {
        assert!(parse(b"{}").unwrap_err().contains("neither"));
        assert!(parse(b"[1]").is_err());
        assert!(parse(b"{\"id\": {}}").is_err());
        assert!(parse(b"{\"id\": 1, \"result\": 2}").is_ok());
    }
}
