//! Why a guest instance was stopped, and the flags the host and the guest's epoch checks
//! share: a stop request (interrupt, cancel, output flood) and the running request's
//! deadline.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Why an instance was ended from outside the guest's own code. It is the error value
/// of the trap, so the instance's outcome says which it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Stop {
    /// The host sent `interrupt`.
    #[error("interrupted by the host")]
    Interrupted,
    /// The host sent `cancel` and the grace period passed.
    #[error("cancelled by the host")]
    Cancelled,
    /// The request ran past its time budget.
    #[error("the cell ran past the sandbox's time limit of {0:?}")]
    Time(Duration),
    /// Linear memory would have grown past the cap.
    #[error("the sandbox's memory limit of {} was reached", size(*.0))]
    Memory(u64),
    /// The request wrote more output than allowed.
    #[error("the cell wrote more than the sandbox's output limit of {}", size(*.0))]
    Output(u64),
}

/// `bytes` as people read them: whole MiB when it is, bytes otherwise.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Shared between the host's loop (which sets) and the guest's epoch callback (which
/// checks on every tick).
pub struct Watch {
    base: Instant,
    /// Milliseconds after `base` when the running request's time is up; `u64::MAX` none.
    deadline_ms: AtomicU64,
    /// Fast path for the callback: is `stop` set?
    stopping: AtomicBool,
    stop: Mutex<Option<Stop>>,
}

impl Default for Watch {
    fn default() -> Self {
        Self {
            base: Instant::now(),
            deadline_ms: AtomicU64::new(u64::MAX),
            stopping: AtomicBool::new(false),
            stop: Mutex::new(None),
        }
    }
}

impl Watch {
    /// Asks the instance to stop (the first reason wins); the caller bumps the epoch.
    pub fn stop(&self, why: Stop) {
        let mut stop = self.stop.lock().unwrap_or_else(PoisonError::into_inner);
        stop.get_or_insert(why);
        self.stopping.store(true, Ordering::Release);
    }

    /// Withdraws a stop that came too late (the request it was for has finished): the
    /// next request must not be killed for it.
    pub fn clear_stop(&self) {
        let mut stop = self.stop.lock().unwrap_or_else(PoisonError::into_inner);
        *stop = None;
        self.stopping.store(false, Ordering::Release);
    }

    /// Why the instance must stop now, if it must.
    pub fn check(&self, budget: Duration) -> Option<Stop> {
        if self.stopping.load(Ordering::Acquire) {
            return *self.stop.lock().unwrap_or_else(PoisonError::into_inner);
        }
        let now = self.base.elapsed().as_millis() as u64;
        (now >= self.deadline_ms.load(Ordering::Acquire)).then_some(Stop::Time(budget))
    }

    /// Starts a request's budget now.
    pub fn start_budget(&self, budget: Duration) {
        let end = self.base.elapsed().saturating_add(budget).as_millis() as u64;
        self.deadline_ms.store(end, Ordering::Release);
    }

    /// Moves the deadline later by `waited` (time spent waiting for the host's input).
    pub fn extend(&self, waited: Duration) {
        let add = waited.as_millis() as u64;
        let _ = self.deadline_ms.fetch_update(Ordering::AcqRel, Ordering::Acquire, |d| {
            (d != u64::MAX).then(|| d.saturating_add(add))
        });
    }

    /// No request runs: no deadline.
    pub fn clear_budget(&self) {
        self.deadline_ms.store(u64::MAX, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_as_people_write_them() {
        assert_eq!(
            Stop::Memory(256 * 1024 * 1024).to_string(),
            "the sandbox's memory limit of 256 MiB was reached"
        );
        assert!(Stop::Output(1000).to_string().ends_with("of 1000 bytes"));
    }

    #[test]
    fn a_passed_deadline_stops_the_first_stop_wins_and_a_late_one_is_withdrawn() {
        let watch = Watch::default();
        let budget = Duration::from_secs(1);
        assert_eq!(watch.check(budget), None);
        watch.start_budget(Duration::ZERO);
        assert_eq!(watch.check(budget), Some(Stop::Time(budget)));
        watch.clear_budget();
        watch.stop(Stop::Interrupted);
        watch.stop(Stop::Cancelled);
        assert_eq!(watch.check(budget), Some(Stop::Interrupted));
        watch.clear_stop();
        assert_eq!(watch.check(budget), None);
    }
}
