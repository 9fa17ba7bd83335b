//! Answering a session's questions: each promise id settles once; a second settle is told
//! so (409), and an id the session never asked is 404.

use phicode_sessions::protocol::Verdict;

use crate::error::ApiError;
use crate::live::{Live, lock};
use crate::streamed::Streamed;

/// Settled promise ids remembered per session, so a second settle is told "already settled".
const SETTLED_MEMORY: usize = 4096;

/// How a question is answered.
#[derive(Debug, Clone)]
pub enum Settlement {
    /// `input()` gets the line; `approve()` returns True.
    Resolve(String),
    /// `input()` raises EOFError; `approve()` returns False.
    Reject,
}

impl Live {
    /// Answers the question `promise_id`: 404 when this session never asked it, 409 when it
    /// was answered already.
    pub async fn settle(&self, promise_id: &str, how: Settlement) -> Result<(), ApiError> {
        let removed = lock(&self.questions).remove(promise_id);
        let Some(question) = removed else {
            if lock(&self.settled).iter().any(|s| s == promise_id) {
                return Err(ApiError::conflict(
                    "already_settled",
                    format!("promise {promise_id} was already settled"),
                ));
            }
            return Err(ApiError::not_found(
                "unknown_promise",
                format!("no open promise {promise_id}"),
            ));
        };
        {
            let mut settled = lock(&self.settled);
            if settled.len() == SETTLED_MEMORY {
                settled.pop_front();
            }
            settled.push_back(promise_id.to_owned());
        }
        if let Some(durable) = &self.durable {
            // Through its promise: the durable session hands the answer to the worker.
            let settled = match how {
                Settlement::Resolve(line) => durable.resolve(promise_id, &line).await,
                Settlement::Reject => durable.reject(promise_id).await,
            };
            settled.map_err(|e| ApiError::conflict("already_settled", e.to_string()))?;
        } else {
            self.answer_worker(promise_id, &question.kind, how).await?;
        }
        let _ = self.events.send(Streamed::Settled { promise_id: promise_id.to_owned() });
        Ok(())
    }

    /// An ephemeral session's worker gets the answer itself.
    async fn answer_worker(
        &self,
        promise_id: &str,
        kind: &str,
        how: Settlement,
    ) -> Result<(), ApiError> {
        let sent = match (kind, how) {
            ("input", Settlement::Resolve(line)) => {
                self.session.input_response(promise_id, &line).await
            }
            ("input", Settlement::Reject) => self.session.input_eof(promise_id).await,
            (_, Settlement::Resolve(_)) => {
                self.session.approval_response(promise_id, Verdict::Granted).await
            }
            (_, Settlement::Reject) => {
                self.session.approval_response(promise_id, Verdict::Denied).await
            }
        };
        sent.map_err(|e| ApiError::from_session(&e))
    }
}
