//! The questions (`input()`, `approve()`) a session waits on: what `phicode promise list`
//! shows of it, and which promise ids its control socket may settle.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

/// A question waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Open {
    /// The promise id.
    pub id: String,
    /// `input` or `approval`.
    pub kind: String,
    /// What the code asked.
    pub prompt: String,
}

/// The open questions of one session, by promise id.
#[derive(Debug, Default)]
pub struct OpenQuestions(Mutex<BTreeMap<String, Open>>);

impl OpenQuestions {
    /// Records a question waiting for its answer.
    pub fn add(&self, question: Open) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).insert(question.id.clone(), question);
    }

    /// The question `id` was answered.
    pub fn remove(&self, id: &str) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).remove(id);
    }

    /// The questions waiting, in id order.
    pub fn list(&self) -> Vec<Open> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).values().cloned().collect()
    }

    /// Whether question `id` waits for an answer.
    pub fn contains(&self, id: &str) -> bool {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).contains_key(id)
    }
}
