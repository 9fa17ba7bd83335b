//! `phicode promise`: list and settle the questions live durable sessions wait on, through
//! their control sockets.

use std::io::Write;
use std::process::ExitCode;

use phicode_durable::control::{Request, Response, hosts};

use crate::cli::{PromiseAction, PromiseArgs};
use crate::error::Error;

/// Runs one `phicode promise` action.
pub fn run(args: &PromiseArgs) -> Result<ExitCode, Error> {
    let request = match &args.action {
        PromiseAction::List => return list(),
        PromiseAction::Resolve { id, value } => {
            Request::Resolve { id: id.clone(), value: value.clone() }
        }
        PromiseAction::Reject { id } => Request::Reject { id: id.clone() },
    };
    let id = match &request {
        Request::Resolve { id, .. } | Request::Reject { id } => id.clone(),
        Request::List => String::new(),
    };
    for host in hosts() {
        match host.ask(&request) {
            Ok(Response::Settled) => return Ok(ExitCode::SUCCESS),
            Ok(Response::Failed(why)) => return Err(Error::Usage(format!("promise {id}: {why}"))),
            Ok(_) | Err(_) => continue,
        }
    }
    Err(Error::Usage(format!(
        "promise {id}: no live session waits on it (phicode promise list shows what is open)"
    )))
}

fn list() -> Result<ExitCode, Error> {
    let mut out = String::new();
    for host in hosts() {
        if let Ok(Response::Open { session, questions }) = host.ask(&Request::List) {
            for q in questions {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    q.id,
                    q.kind,
                    session,
                    q.prompt.escape_debug()
                ));
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
