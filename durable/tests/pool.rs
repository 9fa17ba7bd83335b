//! `DurablePool`: warm workers handed out as durable sessions, each its own namespace and
//! its own state folder.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;
mod support;

use std::time::Duration;

use phicode_durable::{DurableConfig, DurablePool};
use phicode_sessions::host::PoolConfig;
use phicode_sessions::protocol::Execute;

#[tokio::test]
async fn pooled_sessions_are_durable_and_apart() {
    let state = tempfile::tempdir().unwrap();
    let pool = DurablePool::new(
        PoolConfig {
            session: common::config(),
            warm: 1,
            max_sessions: 2,
            acquire_timeout: Duration::from_secs(30),
        },
        DurableConfig {
            durability: support::durability(),
            state_dir: Some(state.path().into()),
            ..DurableConfig::default()
        },
    )
    .await
    .unwrap();
    let (a, b) = (pool.acquire().await.unwrap(), pool.acquire().await.unwrap());
    let id = support::id(&a.durable, "once");
    let code = "runs = globals().get('runs', 0) + 1\nruns";
    let first = a.durable.execute(&id, Execute::new(code), None).await.unwrap();
    let again = a.durable.execute(&id, Execute::new(code), None).await.unwrap();
    assert_eq!(first, again);
    assert_eq!(first.result().unwrap().repr.as_deref(), Some("1"));
    let apart = support::id(&b.durable, "apart");
    let other = b.durable.execute(&apart, Execute::new("'runs' in globals()"), None);
    assert_eq!(other.await.unwrap().result().unwrap().repr.as_deref(), Some("False"));
    let folder = a.durable.state_dir().unwrap();
    assert_eq!(folder, state.path().join(a.durable.session().id()));
}
