//! Reading a dialect from the reference's JSON config, `{"symbols": {"if": "si", ...}}`,
//! keeping each entry's line and column for messages.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;

use super::entries::{Dialect, DialectEntry};
use crate::position::{Cursor, LineIndex, Position};

/// The config is not valid JSON, or its `symbols` is not an object.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: {message}")]
pub struct JsonError {
    /// Where the parser stopped.
    pub position: Position,
    /// serde_json's description of the problem.
    pub message: String,
}

#[derive(Deserialize)]
struct Config<'a> {
    #[serde(borrow, default)]
    symbols: Option<Entries<'a>>,
}

/// A key that borrows from the config when it has no escapes (serde's own `Cow<str>`
/// always copies, which would lose the key's position).
struct Key<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text<'a>(core::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Text<'a> {
            type Value = Key<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Python word")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'a>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'a>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_str(Text(core::marker::PhantomData))
    }
}

/// Keys borrow from the text when they have no escapes, values are raw slices of it: both
/// point into the config, which is how each entry learns its position.
struct Entries<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Collect<'a>(core::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Collect<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object mapping Python words to symbols")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((Key(key), value)) = map.next_entry::<Key<'a>, &'de RawValue>()? {
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Collect(core::marker::PhantomData))
    }
}

/// serde_json's message without the " at line L column C" it ends with: that column counts
/// bytes, where [`JsonError::position`] counts characters.
fn without_place(e: &serde_json::Error) -> String {
    let mut message = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    if message.ends_with(&place) {
        message.truncate(message.len() - place.len());
    }
    message
}

impl Dialect {
    /// Parses a config's `symbols` object (other keys are left to the caller).
    pub fn from_json(text: &str) -> Result<Self, JsonError> {
        let lines = LineIndex::new(text);
        let config: Config<'_> = serde_json::from_str(text).map_err(|e| {
            let line = e.line().max(1);
            let start = lines.line_start(line - 1).unwrap_or(0);
            let mut at = (start + e.column().saturating_sub(1)).min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            JsonError { position: lines.position(text, at), message: without_place(&e) }
        })?;
        let offset = |s: &str| {
            let at = (s.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            (at <= text.len()).then_some(at)
        };
        // Entries come in the order they are written: one walk over the text finds every
        // position (a search from each line's start was quadratic on a one-line config).
        let mut cursor = Cursor::new(text);
        let entries = config.symbols.map_or_else(Vec::new, |Entries(pairs)| {
            pairs
                .into_iter()
                .map(|(key, raw)| {
                    let value_at = offset(raw.get()).unwrap_or(0);
                    let key_at = match &key {
                        Cow::Borrowed(k) => offset(k).map_or(value_at, |at| at.saturating_sub(1)),
                        Cow::Owned(_) => value_at,
                    };
                    DialectEntry {
                        symbol: serde_json::from_str::<String>(raw.get()).ok(),
                        python: key.into_owned(),
                        key_position: cursor.position(key_at),
                        value_position: cursor.position(value_at),
                    }
                })
                .collect()
        });
        Ok(Self { entries })
    }
}
