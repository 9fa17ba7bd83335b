//! Writing cache entries on a background thread, so a cold run's writes overlap the
//! program's own work instead of adding to it; the run waits for them before exiting.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use super::store::Cache;
use crate::debug::Debug;

type Job = (PathBuf, u64, Vec<u8>);

/// A lazily started writer thread: warm runs, which write nothing, never start it.
pub struct Writer {
    cache: Cache,
    debug: Debug,
    state: Mutex<Option<(Sender<Job>, JoinHandle<()>)>>,
}

impl Writer {
    /// A writer for `cache`'s entries.
    pub fn new(cache: Cache, debug: Debug) -> Self {
        Self { cache, debug, state: Mutex::new(None) }
    }

    /// Queues the entry for `path` (written atomically by the thread).
    pub fn submit(&self, path: PathBuf, key: u64, payload: Vec<u8>) {
        let Ok(mut state) = self.state.lock() else { return };
        if state.is_none() {
            let (sender, receiver) = channel::<Job>();
            let (cache, debug) = (self.cache.clone(), self.debug);
            let spawned =
                std::thread::Builder::new().name("phicode-cache".into()).spawn(move || {
                    for (path, key, payload) in receiver {
                        match cache.write(&path, key, &payload) {
                            Ok(()) => {
                                debug.note(|| format!("cache entry written {}", path.display()))
                            }
                            Err(e) => debug.note(|| {
                                format!(
                                    "cache entry not written (folder not writable) {}: {e}",
                                    path.display()
                                )
                            }),
                        }
                    }
                });
            match spawned {
                Ok(handle) => *state = Some((sender, handle)),
                // No thread: write in place rather than not at all.
                Err(_) => {
                    let _ = self.cache.write(&path, key, &payload);
                    return;
                }
            }
        }
        if let Some((sender, _)) = state.as_ref() {
            let _ = sender.send((path, key, payload));
        }
    }

    /// Waits until every queued entry is written (or failed).
    pub fn finish(&self) {
        let taken = self.state.lock().ok().and_then(|mut s| s.take());
        if let Some((sender, handle)) = taken {
            drop(sender);
            let _ = handle.join();
        }
    }
}
