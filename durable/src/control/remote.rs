//! `phicode promise` against a Resonate server: the questions of remote-mode sessions are
//! promises there (tagged `phicode=input` or `phicode=approval`), listed and settled
//! directly, whichever host asked them.

use std::collections::HashMap;

use resonate_sdk::resonate::{Resonate, ResonateConfig};

use super::wire::{Request, Response};
use crate::open::Open;
use crate::questions::{TAG, settle};

/// The pending questions on the server at `url`, with the session each belongs to.
pub fn open_on_server(url: &str) -> Result<Vec<(String, Open)>, resonate_sdk::error::Error> {
    on_server(url, |resonate| async move {
        let mut found = Vec::new();
        for kind in ["input", "approval"] {
            let tags = HashMap::from([(TAG.to_owned(), kind.to_owned())]);
            let page = resonate.promises.search(Some("pending"), Some(tags), None, None).await?;
            for p in page.promises {
                let param = p.param.data_or_null();
                let prompt = param["prompt"].as_str().unwrap_or_default().to_owned();
                let session = p.tags.get(&format!("{TAG}:session")).cloned().unwrap_or_default();
                found.push((session, Open { id: p.id, kind: kind.to_owned(), prompt }));
            }
        }
        Ok(found)
    })
}

/// Settles a question on the server at `url`.
pub fn settle_on_server(
    url: &str,
    request: Request,
) -> Result<Response, resonate_sdk::error::Error> {
    on_server(url, |resonate| async move {
        let settled = match request {
            Request::List => return Ok(Response::Unknown),
            Request::Resolve { id, value } => settle(&resonate.promises, &id, Some(&value)).await,
            Request::Reject { id } => settle(&resonate.promises, &id, None).await,
        };
        Ok(match settled {
            Ok(_) => Response::Settled,
            Err(resonate_sdk::error::Error::ServerError { code: 404, .. }) => Response::Unknown,
            Err(e) => Response::Failed(e.to_string()),
        })
    })
}

/// Runs `f` with a client of the server at `url`, on a runtime of its own (the CLI is not
/// async).
fn on_server<T, F>(
    url: &str,
    f: impl FnOnce(Resonate) -> F,
) -> Result<T, resonate_sdk::error::Error>
where
    F: Future<Output = Result<T, resonate_sdk::error::Error>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let resonate =
            Resonate::new(ResonateConfig { url: Some(url.to_owned()), ..Default::default() });
        f(resonate).await
    })
}
