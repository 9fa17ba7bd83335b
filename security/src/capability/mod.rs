//! Capabilities the host serves on a cell's behalf (`fs.read`, `fs.write`, `net.connect`,
//! and any registered from Rust): the cell cannot do these itself below UNRESTRICTED, so
//! it sends a `call`, the host checks the arguments against the session's grant, asks a
//! person when they go beyond it, and does the work outside the confinement.
//!
//! The other names of [`names::BUILT_IN`] are served inside the worker (`input`,
//! `approve`, `clock`) or lift part of its confinement (`subprocess`, `env`).
//!
//! A custom capability implements [`Capability`] and is added with
//! [`Registry::register`]; README's "Custom capabilities" has an example.

mod files;
pub mod names;
mod network;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;

use crate::policy::{Grant, PolicyError};

/// What the host does with a call, decided before doing anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Within the grant: do it.
    Allow,
    /// Beyond the grant: do it only if a person approves `prompt` (about `data`).
    Ask {
        /// The question, in words.
        prompt: String,
        /// What it is about (a path, a host), as JSON.
        data: Value,
    },
}

/// Why a call did not give a value. The cell sees each as an exception.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// The arguments are not what the capability takes (TypeError in the cell).
    #[error("{0}")]
    BadArguments(String),
    /// The policy or a person said no (PermissionError in the cell).
    #[error("{0}")]
    Denied(String),
    /// Allowed, but the action failed (OSError in the cell).
    #[error("{0}")]
    Failed(String),
}

/// A capability served by the host. `check` must not act; `run` is called only after
/// `check` allowed it (or a person approved), on a thread where blocking is fine.
pub trait Capability: Send + Sync {
    /// The name in policies, in the audit log, and in the session (`db.query` is
    /// `db.query(...)` there).
    fn name(&self) -> &str;
    /// Whether `arguments` stay within `grant`.
    fn check(&self, arguments: &Value, grant: &Grant) -> Result<Decision, CallError>;
    /// Does it, returning a JSON value for the cell.
    fn run(&self, arguments: &Value) -> Result<Value, CallError>;
}

/// The capabilities a host serves, by name.
#[derive(Clone)]
pub struct Registry {
    served: BTreeMap<String, Arc<dyn Capability>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.served.keys()).finish()
    }
}

impl Default for Registry {
    /// `fs.read`, `fs.write` and `net.connect`.
    fn default() -> Self {
        let mut registry = Self { served: BTreeMap::new() };
        let built_in: [Arc<dyn Capability>; 3] =
            [Arc::new(files::Read), Arc::new(files::Write), Arc::new(network::Connect)];
        for capability in built_in {
            registry.served.insert(capability.name().to_owned(), capability);
        }
        registry
    }
}

impl Registry {
    /// Adds a custom capability; its name must be valid and new.
    pub fn register(&mut self, capability: Arc<dyn Capability>) -> Result<(), PolicyError> {
        let name = capability.name().to_owned();
        if !names::is_valid(&name) || names::BUILT_IN.contains(&name.as_str()) {
            return Err(PolicyError::UnknownCapability(name));
        }
        self.served.insert(name, capability);
        Ok(())
    }

    /// The capability called `name`.
    pub fn get(&self, name: &str) -> Option<&Arc<dyn Capability>> {
        self.served.get(name)
    }

    /// The names served.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.served.keys().map(String::as_str)
    }
}

/// Argument `key` of `arguments` as a string.
fn string_argument<'a>(arguments: &'a Value, key: &str) -> Result<&'a str, CallError> {
    arguments
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| CallError::BadArguments(format!("missing string argument `{key}`")))
}
