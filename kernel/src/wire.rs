//! Jupyter's wire format over ZeroMQ: a multipart message of routing identities, the
//! `<IDS|MSG>` delimiter, an HMAC-SHA256 signature, then the header, parent header,
//! metadata and content as JSON, and any binary buffers. Incoming messages are checked
//! against their signature before anything reads them.

use bytes::Bytes;
use hmac::{Hmac, Mac};
use jupyter_protocol::{Header, JupyterMessage, JupyterMessageContent, UnknownMessage};
use serde_json::Value;
use sha2::Sha256;
use zeromq::ZmqMessage;

use crate::error::WireError;

/// The frame between routing identities and the signed parts.
const DELIMITER: &[u8] = b"<IDS|MSG>";

/// Signs and checks messages with the connection file's key (no key: no signatures).
#[derive(Clone)]
pub struct Signer {
    /// The keyed HMAC, cloned for each message; `None` when the key is empty.
    mac: Option<Hmac<Sha256>>,
}

impl Signer {
    /// A signer for `scheme` (only `hmac-sha256` is supported) and `key`.
    pub fn new(scheme: &str, key: &str) -> Result<Self, WireError> {
        if key.is_empty() {
            return Ok(Self { mac: None });
        }
        if scheme != "hmac-sha256" {
            return Err(WireError::Scheme(scheme.to_owned()));
        }
        let mac = Hmac::<Sha256>::new_from_slice(key.as_bytes())
            .map_err(|_| WireError::Scheme(scheme.to_owned()))?;
        Ok(Self { mac: Some(mac) })
    }

    /// The hex signature of `parts` (empty without a key).
    pub fn sign(&self, parts: &[&[u8]]) -> String {
        let Some(mac) = &self.mac else { return String::new() };
        let mut mac = mac.clone();
        for part in parts {
            mac.update(part);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// Whether `signature` (hex) is that of `parts`, compared in constant time.
    pub fn verify(&self, signature: &[u8], parts: &[&[u8]]) -> bool {
        let Some(mac) = &self.mac else { return true };
        let Ok(expected) = hex::decode(signature) else { return false };
        let mut mac = mac.clone();
        for part in parts {
            mac.update(part);
        }
        mac.verify_slice(&expected).is_ok()
    }
}

/// Reads a signed multipart message into a typed Jupyter message.
pub fn decode(signer: &Signer, frames: ZmqMessage) -> Result<JupyterMessage, WireError> {
    let mut frames = frames.into_vec();
    let at = frames.iter().position(|f| f.as_ref() == DELIMITER).ok_or(WireError::NoDelimiter)?;
    let mut signed = frames.split_off(at + 1);
    let identities = {
        frames.pop(); // the delimiter
        frames
    };
    if signed.len() < 5 {
        return Err(WireError::TooFewParts(signed.len()));
    }
    let buffers = signed.split_off(5);
    let parts: Vec<&[u8]> = signed[1..5].iter().map(Bytes::as_ref).collect();
    if !signer.verify(&signed[0], &parts) {
        return Err(WireError::BadSignature);
    }
    let header: Header = serde_json::from_slice(&signed[1]).map_err(WireError::Json)?;
    let parent: Value = serde_json::from_slice(&signed[2]).map_err(WireError::Json)?;
    let parent_header = match parent {
        Value::Object(map) if !map.is_empty() => {
            Some(serde_json::from_value(Value::Object(map)).map_err(WireError::Json)?)
        }
        _ => None,
    };
    let metadata: Value = serde_json::from_slice(&signed[3]).map_err(WireError::Json)?;
    let content: Value = serde_json::from_slice(&signed[4]).map_err(WireError::Json)?;
    // Content that does not fit its type's struct (optional fields left out) stays JSON.
    let content = JupyterMessageContent::from_type_and_content(&header.msg_type, content.clone())
        .unwrap_or_else(|_| {
            JupyterMessageContent::UnknownMessage(UnknownMessage {
                msg_type: header.msg_type.clone(),
                content,
            })
        });
    Ok(JupyterMessage {
        zmq_identities: identities,
        header,
        parent_header,
        metadata,
        content,
        buffers,
        channel: None,
    })
}

/// Writes `message` as a signed multipart message (its identities first).
pub fn encode(signer: &Signer, message: &JupyterMessage) -> Result<ZmqMessage, WireError> {
    let header = serde_json::to_vec(&message.header).map_err(WireError::Json)?;
    let parent = match &message.parent_header {
        Some(parent) => serde_json::to_vec(parent).map_err(WireError::Json)?,
        None => b"{}".to_vec(),
    };
    let metadata = serde_json::to_vec(&message.metadata).map_err(WireError::Json)?;
    let content = serde_json::to_vec(&message.content).map_err(WireError::Json)?;
    let signature = signer.sign(&[&header, &parent, &metadata, &content]);
    let mut frames = message.zmq_identities.clone();
    frames.push(Bytes::from_static(DELIMITER));
    frames.extend([signature.into(), header.into(), parent.into(), metadata.into()]);
    frames.push(content.into());
    frames.extend(message.buffers.iter().cloned());
    ZmqMessage::try_from(frames).map_err(|_| WireError::TooFewParts(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jupyter_protocol::{ExecuteRequest, KernelInfoRequest};

    fn signer() -> Signer {
        Signer::new("hmac-sha256", "a0436f6c-1916-498b-8eb9-e81ab9368e84").expect("signer")
    }

    #[test]
    fn a_message_survives_the_round_trip_with_its_identities() {
        let mut message = JupyterMessage::new(ExecuteRequest::new("1+1".into()), None);
        message.zmq_identities = vec![Bytes::from_static(b"client-1")];
        let frames = encode(&signer(), &message).expect("encode");
        assert_eq!(frames.get(0).map(Bytes::as_ref), Some(&b"client-1"[..]));
        let back = decode(&signer(), frames).expect("decode");
        assert_eq!(back.zmq_identities, message.zmq_identities);
        assert_eq!(back.header.msg_id, message.header.msg_id);
        match back.content {
            JupyterMessageContent::ExecuteRequest(r) => assert_eq!(r.code, "1+1"),
            other => panic!("decoded as {}", other.message_type()),
        }
    }

    #[test]
    fn the_signature_is_the_one_jupyter_client_computes() {
        // Python: hmac.new(b"key", digestmod=sha256), updated with each of the four parts.
        let s = Signer::new("hmac-sha256", "key").expect("signer");
        let expected = "f1128388193e4dd1aa760827bd756a1b40b627676b5efe22c0e8297919bfa218";
        assert_eq!(s.sign(&[br#"{"a":1}"#, b"{}", b"{}", b"{}"]), expected);
        assert!(s.verify(expected.as_bytes(), &[br#"{"a":1}"#, b"{}", b"{}", b"{}"]));
    }

    #[test]
    fn a_forged_or_altered_message_is_refused() {
        let message = JupyterMessage::new(KernelInfoRequest {}, None);
        let frames = encode(&signer(), &message).expect("encode");
        let other = Signer::new("hmac-sha256", "another key").expect("signer");
        assert!(matches!(decode(&other, frames.clone()), Err(WireError::BadSignature)));
        let mut parts = frames.into_vec();
        let last = parts.len() - 1;
        parts[last] = Bytes::from_static(br#"{"x": 1}"#);
        let altered = ZmqMessage::try_from(parts).expect("frames");
        assert!(matches!(decode(&signer(), altered), Err(WireError::BadSignature)));
    }

    #[test]
    fn no_key_means_no_signature() {
        let s = Signer::new("hmac-sha256", "").expect("signer");
        assert_eq!(s.sign(&[b"{}"]), "");
        assert!(Signer::new("hmac-md5", "k").is_err());
    }
}
