//! Running one execution to its end under a deadline and an output cap: what `/execute`
//! and a session's synchronous execute return.

use std::time::{Duration, Instant};

use phicode_sessions::host::{Event, Execution, Session};
use phicode_sessions::protocol::{ErrorMessage, ExecResult, StreamName, Verdict};

/// What an execution produced, and whether a limit stopped it.
#[derive(Debug, Default)]
pub struct Gathered {
    /// stdout text.
    pub stdout: String,
    /// stderr text.
    pub stderr: String,
    /// The result, when it finished well.
    pub result: Option<ExecResult>,
    /// The error, when it failed.
    pub error: Option<ErrorMessage>,
    /// The output went past the cap: the rest was dropped and the run stopped.
    pub truncated: bool,
    /// The deadline passed before it finished.
    pub timed_out: bool,
    /// Wall-clock seconds spent.
    pub elapsed: f64,
}

impl Gathered {
    /// Finished with a result, within the limits.
    pub fn succeeded(&self) -> bool {
        self.result.is_some() && !self.truncated && !self.timed_out
    }
}

/// Appends `data` to `text` unless `used` would pass `cap`; false when it did not fit.
pub fn append(text: &mut String, data: &str, used: &mut usize, cap: usize) -> bool {
    let room = cap.saturating_sub(*used);
    if data.len() <= room {
        text.push_str(data);
        *used += data.len();
        return true;
    }
    let mut cut = room;
    while !data.is_char_boundary(cut) {
        cut -= 1;
    }
    text.push_str(&data[..cut]);
    *used = cap;
    false
}

/// Reads `execution` to its end, `limit` at most, keeping `cap` bytes of output. Nobody
/// answers questions here: `approve()` is denied (`input()` is off for such runs). A run
/// stopped by a limit is still going: the caller ends its worker.
pub async fn gather(
    session: &Session,
    mut execution: Execution,
    limit: Duration,
    cap: usize,
) -> Gathered {
    let start = Instant::now();
    let deadline = tokio::time::Instant::from_std(start + limit);
    let mut gathered = Gathered::default();
    let mut used = 0;
    loop {
        let event = match tokio::time::timeout_at(deadline, execution.next()).await {
            Err(_) => {
                gathered.timed_out = true;
                break;
            }
            Ok(None) => break,
            Ok(Some(event)) => event,
        };
        match event {
            Event::Output(o) => {
                let text = match o.stream {
                    StreamName::Stdout => &mut gathered.stdout,
                    StreamName::Stderr => &mut gathered.stderr,
                };
                if !append(text, &o.data, &mut used, cap) {
                    gathered.truncated = true;
                    break;
                }
            }
            Event::Approval { approval_id, .. } => {
                // No person is there to ask: the answer is no.
                let _ = session.approval_response(&approval_id, Verdict::Denied).await;
            }
            Event::Input { input_id, .. } => {
                let _ = session.input_eof(&input_id).await;
            }
            Event::Display(_) => {}
            Event::Result(r) => gathered.result = Some(r),
            Event::Error(e) => gathered.error = Some(e),
        }
    }
    gathered.elapsed = start.elapsed().as_secs_f64();
    gathered
}

#[cfg(test)]
mod tests {
    use super::append;

    #[test]
    fn output_is_cut_at_the_cap_on_a_character_boundary() {
        let (mut text, mut used) = (String::new(), 0);
        assert!(append(&mut text, "ab", &mut used, 5));
        assert!(!append(&mut text, "ééé", &mut used, 5));
        assert_eq!(text, "abé");
        assert_eq!(used, 5);
    }
}
