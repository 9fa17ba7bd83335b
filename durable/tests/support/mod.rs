//! What the durable tests share: the durability they run under (a Resonate server when
//! `RESONATE_URL` is set, else in process) and execution ids unique to one session, so runs
//! against a long-lived server never meet each other's stored outcomes.
#![allow(dead_code)]

use phicode_durable::{Durability, DurableSession};

/// `Durability::Remote(RESONATE_URL)` when it is set, else local.
pub fn durability() -> Durability {
    match std::env::var("RESONATE_URL") {
        Ok(url) if !url.is_empty() => Durability::Remote(url),
        _ => Durability::Local,
    }
}

/// `name` as an execution id of `s` only.
pub fn id(s: &DurableSession, name: &str) -> String {
    format!("{}:{name}", s.session().id())
}
