//! Answering a session's questions: each promise id settles once. A question answered, or
//! no longer waited on (its execution ended, or a durable session's promise was settled
//! elsewhere), is remembered as retired, so settling it is told so (409); an id the session
//! never asked is 404.

use phicode_sessions::protocol::Verdict;

use crate::error::ApiError;
use crate::live::{Live, lock};
use crate::streamed::{Question, Streamed};

/// Retired promise ids remembered per session, so a late settle is told "already settled".
const RETIRED_MEMORY: usize = 4096;

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
    /// was answered already or is no longer waited on.
    pub async fn settle(&self, promise_id: &str, how: Settlement) -> Result<(), ApiError> {
        let open = self.questions().into_iter().find(|q| q.promise_id == promise_id);
        let Some(question) = open else {
            if lock(&self.settled).iter().any(|s| s == promise_id) {
                let message =
                    format!("promise {promise_id} was already settled or is no longer waited on");
                return Err(ApiError::conflict("already_settled", message));
            }
            let message = format!("no open promise {promise_id}");
            return Err(ApiError::not_found("unknown_promise", message));
        };
        self.retire(|q| q.promise_id == promise_id);
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

    /// Moves the open questions `gone` picks to the retired ones (lock order: questions,
    /// then retired ids).
    pub(crate) fn retire(&self, gone: impl Fn(&Question) -> bool) {
        let mut questions = lock(&self.questions);
        let ids: Vec<String> =
            questions.values().filter(|q| gone(q)).map(|q| q.promise_id.clone()).collect();
        let mut retired = lock(&self.settled);
        for id in ids {
            questions.remove(&id);
            if retired.len() == RETIRED_MEMORY {
                retired.pop_front();
            }
            retired.push_back(id);
        }
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
