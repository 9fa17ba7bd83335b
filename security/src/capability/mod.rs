//! Capabilities the host serves on a cell's behalf (`fs.read`, `fs.write`, `net.connect`,
//! and any registered from Rust): the cell cannot do these itself below UNRESTRICTED, so
//! it sends a `call`, the host checks the arguments against the session's grant, asks a
//! person when they go beyond it, and does the work outside the confinement.
//!
//! The other names of [`names::BUILT_IN`] are served inside the worker (`input`,
//! `approve`, `clock`) or lift part of its confinement (`subprocess`, `env`).
//!
//! A custom capability implements [`Capability`] and is added with
//! [`Registry::register`]; `security/README.md` ("A custom capability") has an example.

mod call;
mod files;
pub mod names;
mod network;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use call::{CallError, Capability, Decision};

use crate::policy::PolicyError;

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
