//! SessionPool and per-worker limits through real workers.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{config, run, value};
use phicode_sessions::host::{Limits, PoolConfig, SessionError, SessionPool};

fn pool_config(warm: usize, max_sessions: usize) -> PoolConfig {
    PoolConfig {
        session: config(),
        warm,
        max_sessions,
        acquire_timeout: Duration::from_millis(300),
    }
}

#[tokio::test]
async fn warm_sessions_are_handed_out_fresh_and_refilled() {
    let pool = SessionPool::new(pool_config(2, 4)).await.unwrap();
    assert_eq!(pool.idle(), 2);
    let a = pool.acquire().await.unwrap();
    let b = pool.acquire().await.unwrap();
    assert_ne!(a.ready().unwrap().pid, b.ready().unwrap().pid);
    value(&a, "x = 'a'").await;
    assert_eq!(value(&b, "'x' in globals()").await, "False");
    assert_eq!(pool.in_use(), 2);
    drop(a);
    tokio::time::timeout(Duration::from_secs(30), async {
        while pool.idle() < 2 || pool.in_use() > 1 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn the_session_cap_is_enforced() {
    let pool = SessionPool::new(pool_config(0, 1)).await.unwrap();
    let first = pool.acquire().await.unwrap();
    assert!(matches!(pool.acquire().await, Err(SessionError::Exhausted(_))));
    drop(first);
    let again = pool.acquire().await.unwrap();
    assert_eq!(value(&again, "1").await, "1");
}

#[tokio::test]
async fn memory_and_cpu_limits_hold_per_worker() {
    let mut settings = pool_config(1, 2);
    settings.session.limits =
        Limits { memory_mb: Some(1024), cpu_seconds: Some(2), ..Limits::default() };
    let pool = SessionPool::new(settings).await.unwrap();
    let s = pool.acquire().await.unwrap();
    let done = run(&s, "block = bytearray(2 << 30)").await;
    assert_eq!(done.error().unwrap().exception_type, "MemoryError");
    assert_eq!(value(&s, "len(bytearray(10 << 20))").await, "10485760");
    let done = run(&s, "while True:\n    pass").await;
    let error = done.error().unwrap();
    assert!(error.exception_message.contains("SIGXCPU"), "{}", error.exception_message);
}
