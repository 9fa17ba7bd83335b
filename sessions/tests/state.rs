//! The namespace through a real worker: merge-only rules, transactions, checkpoints,
//! and execution ids that replay instead of rerunning.
#![allow(clippy::unwrap_used)]

mod common;

use common::{run, session, value};
use phicode_sessions::protocol::{Execute, TransactionPolicy};

#[tokio::test]
async fn a_cell_cannot_remove_engine_names_or_break_the_session() {
    let s = session().await;
    value(&s, "41 + 1").await;
    value(&s, "del _\nIn = 5\nOut = None\ndel __builtins__").await;
    assert_eq!(
        value(&s, "_, type(In).__name__, type(Out).__name__, len('ok')").await,
        "(42, 'list', 'dict', 2)"
    );
    value(&s, "keep = 1\nglobals().clear()").await;
    assert_eq!(
        value(&s, "__name__, 'keep' in globals(), _ is not None, print is not None").await,
        "('__main__', False, True, True)"
    );
}

#[tokio::test]
async fn transactions_roll_names_back() {
    let s = session().await;
    value(&s, "a = 1").await;
    let mut request = Execute::new("a = 2\nb = 3\n1/0");
    request.transaction_policy = TransactionPolicy::RollbackOnFailure;
    let done = s.execute_request(None, request).await.unwrap().collect().await;
    assert!(done.error().is_some());
    assert_eq!(value(&s, "a, 'b' in globals()").await, "(1, False)");
    let mut request = Execute::new("del a\nc = 4");
    request.transaction_policy = TransactionPolicy::RollbackAlways;
    assert!(s.execute_request(None, request).await.unwrap().collect().await.result().is_some());
    assert_eq!(value(&s, "a, 'c' in globals()").await, "(1, False)");
}

#[tokio::test]
async fn checkpoint_and_restore_into_a_fresh_worker() {
    let s = session().await;
    let setup = "import math\nclass Point:\n    def __init__(self, x): self.x = x\n    def norm(self): return abs(self.x)\n\
                 def double(v): return 2 * v\np = Point(-3)\ndata = {'k': [1, 2]}\nlam = lambda: 1\ngen = (i for i in [])";
    value(&s, setup).await;
    let checkpoint = s.checkpoint().await.unwrap();
    let mut skipped: Vec<_> = checkpoint.skipped.iter().map(|k| k.name.as_str()).collect();
    skipped.sort();
    assert_eq!(skipped, ["gen", "lam"], "{:?}", checkpoint.skipped);
    assert_eq!((checkpoint.function_count, checkpoint.class_count), (1, 1));
    let data = checkpoint.data.unwrap();
    assert_eq!(checkpoint.checkpoint_size, data.len() as u64);
    s.restart().await.unwrap();
    assert_eq!(value(&s, "'p' in globals()").await, "False");
    let reply = s.restore(Some(data), None, true).await.unwrap();
    for name in ["p", "data", "math", "double"] {
        assert!(reply.restored.iter().any(|r| r == name), "{name} not in {:?}", reply.restored);
    }
    assert_eq!(
        value(&s, "p.norm(), double(data['k'][1]), math.floor(2.5), isinstance(p, Point)").await,
        "(3, 4, 2, True)"
    );
    // To a file and back, merging into what is there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ns.ckpt");
    let path = path.to_str().unwrap();
    let written = s.checkpoint_to(path).await.unwrap();
    assert_eq!(written.path.as_deref(), Some(path));
    value(&s, "data = 'changed'\nextra = 1").await;
    s.restore(None, Some(path), false).await.unwrap();
    assert_eq!(value(&s, "data, extra").await, "({'k': [1, 2]}, 1)");
    let error = s.restore(Some(b"not a checkpoint".to_vec()), None, true).await.unwrap_err();
    assert!(error.to_string().contains("not a phicode checkpoint"), "{error}");
    assert_eq!(value(&s, "data").await, "{'k': [1, 2]}");
}

#[tokio::test]
async fn a_finished_execution_id_replays_its_outcome() {
    let s = session().await;
    value(&s, "n = 0").await;
    let id = Some("job-7".to_string());
    let first =
        s.execute_request(id.clone(), Execute::new("n += 1\nn")).await.unwrap().collect().await;
    let again = s.execute_request(id, Execute::new("n += 1\nn")).await.unwrap().collect().await;
    assert_eq!(first.result(), again.result());
    assert_eq!(value(&s, "n").await, "1", "not run twice");
    let running = s
        .execute_request(Some("slow".into()), Execute::new("import time; time.sleep(0.2)"))
        .await
        .unwrap();
    assert!(s.execute_request(Some("slow".into()), Execute::new("1")).await.is_err());
    assert!(running.collect().await.result().is_some());
}

#[tokio::test]
async fn silent_and_unhistoried_cells() {
    let s = session().await;
    let mut request = Execute::new("40 + 2");
    request.silent = true;
    request.store_history = false;
    let done = s.execute_request(None, request).await.unwrap().collect().await;
    let result = done.result().unwrap();
    assert_eq!((result.repr.as_ref(), result.execution_count), (None, None));
    assert_eq!(run(&s, "1").await.result().unwrap().execution_count, Some(1));
}

#[tokio::test]
async fn checkpoints_of_incompressible_data_are_stored_not_compressed_and_restore_whole() {
    let s = session().await;
    value(
        &s,
        "import os, hashlib\nblob = os.urandom(1 << 20)\ndigest = hashlib.sha256(blob).hexdigest()",
    )
    .await;
    let random = s.checkpoint().await.unwrap();
    // Stored blocks: about as large as the data itself.
    assert!(random.checkpoint_size > 1 << 20, "{}", random.checkpoint_size);
    value(&s, "blob = b'ab' * (1 << 19)").await;
    let repetitive = s.checkpoint().await.unwrap();
    assert!(repetitive.checkpoint_size < 1 << 16, "{}", repetitive.checkpoint_size);

    let fresh = session().await;
    fresh.restore(random.data.clone(), None, true).await.unwrap();
    let same = "import hashlib\nhashlib.sha256(blob).hexdigest() == digest";
    assert_eq!(value(&fresh, same).await, "True");
}
