//! `phicode promise`: list and settle the questions durable sessions wait on: through the
//! control sockets of the sessions running on this machine, and on a Resonate server when
//! one is named.

use std::process::ExitCode;

use phicode_durable::control::{Request, Response, hosts, open_on_server, settle_on_server};

use super::emit::emit;
use crate::cli::{PromiseAction, PromiseArgs};
use crate::error::Error;

/// Runs one `phicode promise` action.
pub fn run(args: &PromiseArgs) -> Result<ExitCode, Error> {
    let (id, request) = match &args.action {
        PromiseAction::List => return list(args.resonate_url.as_deref()),
        PromiseAction::Resolve { id, value } => {
            (id, Request::Resolve { id: id.clone(), value: value.clone() })
        }
        PromiseAction::Reject { id } => (id, Request::Reject { id: id.clone() }),
    };
    let failed = |why: String| Error::Usage(format!("promise {id}: {why}"));
    for host in hosts() {
        match host.ask(&request) {
            Ok(Response::Settled) => return Ok(ExitCode::SUCCESS),
            Ok(Response::Failed(why)) => return Err(failed(why)),
            Ok(_) | Err(_) => continue,
        }
    }
    if let Some(url) = &args.resonate_url {
        return match settle_on_server(url, request) {
            Ok(Response::Settled) => Ok(ExitCode::SUCCESS),
            Ok(Response::Failed(why)) => Err(failed(why)),
            Ok(_) => Err(failed(format!(
                "no live session waits on it, and the Resonate server at {url} has no such promise"
            ))),
            Err(e) => Err(failed(format!("the Resonate server at {url}: {e}"))),
        };
    }
    Err(failed("no live session waits on it (phicode promise list shows what is open)".into()))
}

/// `ID  KIND  SESSION  PROMPT` per open question, tab-separated.
fn list(server: Option<&str>) -> Result<ExitCode, Error> {
    let mut rows = Vec::new();
    for host in hosts() {
        if let Ok(Response::Open { session, questions }) = host.ask(&Request::List) {
            rows.extend(questions.into_iter().map(|q| (session.clone(), q)));
        }
    }
    if let Some(url) = server {
        let found = open_on_server(url).map_err(|e| {
            Error::Usage(format!("promise list: the Resonate server at {url}: {e}"))
        })?;
        for (session, q) in found {
            if !rows.iter().any(|(_, known)| known.id == q.id) {
                rows.push((session, q));
            }
        }
    }
    let text: String = rows
        .iter()
        .map(|(session, q)| {
            format!("{}\t{}\t{session}\t{}\n", q.id, q.kind, q.prompt.escape_debug())
        })
        .collect();
    emit(None, &text)?;
    Ok(ExitCode::SUCCESS)
}
