//! The memory of finished executions: an execution id that already finished gets the
//! terminal event it had instead of running again (a retried request must not run a cell
//! twice). Bounded: past its size the oldest are forgotten.

use std::collections::{HashMap, VecDeque};

use super::event::Event;

/// The terminal events of the latest finished executions, by execution id.
#[derive(Debug, Default)]
pub struct Replay {
    /// How many are kept (`SessionConfig::replay_memory`); 0 keeps none.
    limit: usize,
    /// The terminal events, by execution id.
    finished: HashMap<String, Event>,
    /// The same ids, oldest first: which to forget when there are too many.
    order: VecDeque<String>,
}

impl Replay {
    /// Keeps the last `limit` finished executions.
    pub fn new(limit: usize) -> Self {
        Self { limit, ..Self::default() }
    }

    /// Remembers the terminal event of `id`, forgetting the oldest past the limit.
    pub fn remember(&mut self, id: &str, event: Event) {
        if self.limit == 0 {
            return;
        }
        if self.finished.insert(id.to_owned(), event).is_none() {
            self.order.push_back(id.to_owned());
        }
        while self.order.len() > self.limit {
            if let Some(old) = self.order.pop_front() {
                self.finished.remove(&old);
            }
        }
    }

    /// The terminal event of `id`, if it finished and is still remembered.
    pub fn get(&self, id: &str) -> Option<&Event> {
        self.finished.get(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{ErrorKind, ErrorMessage};

    fn failed(id: &str) -> Event {
        Event::Error(ErrorMessage::synthetic(Some(id.into()), ErrorKind::WorkerDied, "E", "x"))
    }

    #[test]
    fn the_oldest_are_forgotten_past_the_limit() {
        let mut replay = Replay::new(2);
        for id in ["a", "b", "a", "c"] {
            replay.remember(id, failed(id));
        }
        assert_eq!(replay.get("a"), None, "remembered again, but still the oldest");
        assert_eq!(replay.get("b"), Some(&failed("b")));
        assert_eq!(replay.get("c"), Some(&failed("c")));
    }

    #[test]
    fn a_limit_of_zero_keeps_nothing() {
        let mut replay = Replay::new(0);
        replay.remember("a", failed("a"));
        assert_eq!(replay.get("a"), None);
    }
}
