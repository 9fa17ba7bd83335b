//! `net.connect(host, port, send, timeout)`: one TCP exchange made by the host for a cell
//! that has no network of its own: connect, send, read the answer until the peer closes,
//! the timeout passes or the size limit is reached.

use std::io::{Read as _, Write as _};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::time::Duration;

use serde_json::{Value, json};

use super::call::{CallError, Capability, Decision, string_argument};
use super::names;
use crate::policy::Grant;

/// The most an answer returns: a frame must carry it.
const MAX_ANSWER: u64 = 8 * 1024 * 1024;
/// Connect and read timeout when the cell gives none.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// `net.connect`.
pub struct Connect;

fn target(arguments: &Value) -> Result<(&str, u16), CallError> {
    let host = string_argument(arguments, "host")?;
    let port = arguments.get("port").and_then(Value::as_u64).and_then(|p| u16::try_from(p).ok());
    let port = port.ok_or_else(|| CallError::BadArguments("`port` must be 0 to 65535".into()))?;
    Ok((host, port))
}

impl Capability for Connect {
    fn name(&self) -> &str {
        names::NET_CONNECT
    }

    fn check(&self, arguments: &Value, grant: &Grant) -> Result<Decision, CallError> {
        let (host, port) = target(arguments)?;
        if grant.reaches(host, port) {
            return Ok(Decision::Allow);
        }
        let prompt = format!("connect to {host}:{port} (a host not granted)");
        Ok(Decision::Ask { prompt, data: json!({ "host": host, "port": port }) })
    }

    fn run(&self, arguments: &Value) -> Result<Value, CallError> {
        let (host, port) = target(arguments)?;
        let send = arguments.get("send").and_then(Value::as_str).unwrap_or_default();
        let timeout = arguments
            .get("timeout")
            .and_then(Value::as_f64)
            .and_then(|t| Duration::try_from_secs_f64(t).ok())
            .unwrap_or(DEFAULT_TIMEOUT);
        let failed = |e: std::io::Error| CallError::Failed(format!("{host}:{port}: {e}"));
        let address = (host, port).to_socket_addrs().map_err(failed)?.next();
        let address = address.ok_or_else(|| failed(std::io::ErrorKind::NotFound.into()))?;
        let mut stream = TcpStream::connect_timeout(&address, timeout).map_err(failed)?;
        stream.set_read_timeout(Some(timeout)).map_err(failed)?;
        stream.write_all(send.as_bytes()).map_err(failed)?;
        let _ = stream.shutdown(Shutdown::Write);
        let mut answer = Vec::new();
        let read = stream.take(MAX_ANSWER).read_to_end(&mut answer);
        // A timeout after some bytes still returns them: many servers never close.
        if let Err(e) = read
            && answer.is_empty()
        {
            return Err(failed(e));
        }
        Ok(Value::String(String::from_utf8_lossy(&answer).into_owned()))
    }
}
