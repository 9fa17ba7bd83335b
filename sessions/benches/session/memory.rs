//! Memory of idle sessions, read from `/proc`.

use std::time::Duration;

use phicode_sessions::host::Session;

use crate::common::config;

pub(crate) fn memory_kib(pid: u32, field: &str) -> u64 {
    let path = if field == "Pss:" {
        format!("/proc/{pid}/smaps_rollup")
    } else {
        format!("/proc/{pid}/status")
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

pub(crate) async fn idle_memory(count: usize) -> (u64, u64) {
    let mut sessions = Vec::new();
    for chunk in 0..count.div_ceil(10) {
        let batch: Vec<_> = (0..10.min(count - chunk * 10))
            .map(|_| tokio::spawn(Session::start(config())))
            .collect();
        for start in batch {
            sessions.push(start.await.unwrap().unwrap());
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pids: Vec<u32> = sessions.iter().map(|s| s.ready().unwrap().pid).collect();
    let rss = pids.iter().map(|p| memory_kib(*p, "VmRSS:")).sum();
    let pss = pids.iter().map(|p| memory_kib(*p, "Pss:")).sum();
    for s in &sessions {
        s.shutdown(Duration::from_millis(100)).await.unwrap();
    }
    (rss, pss)
}
