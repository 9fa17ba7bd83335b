//! Frames: a 4-byte big-endian length, then that many bytes of MessagePack (or JSON)
//! holding one [`Envelope`]. Readers refuse lengths over the agreed limit before reading
//! the payload, so a corrupt or hostile length never allocates.

use std::io::{self, Read, Write};

use tokio::io::{AsyncRead, AsyncReadExt};

use super::message::Envelope;

/// The default frame size limit (Capsule's): 10 MiB.
pub const DEFAULT_MAX_FRAME: u32 = 10 * 1024 * 1024;

/// How payloads are encoded; both sides agree on it when the worker is started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// MessagePack, maps with field names (rmp-serde).
    #[default]
    MsgPack,
    /// JSON (for debugging and hosts without MessagePack).
    Json,
}

impl Format {
    /// The name used on the worker's command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MsgPack => "msgpack",
            Self::Json => "json",
        }
    }

    /// Parses [`Format::as_str`]'s names.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "msgpack" => Some(Self::MsgPack),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// Why a frame could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The pipe failed.
    #[error("frame i/o: {0}")]
    Io(#[from] io::Error),
    /// The length prefix (or an encoded message) is over the limit.
    #[error("frame of {size} bytes is over the {limit}-byte limit")]
    TooLarge {
        /// The frame's length.
        size: u64,
        /// The limit.
        limit: u32,
    },
    /// The stream ended inside a frame.
    #[error("stream ended inside a frame")]
    Truncated,
    /// The payload is not a message.
    #[error("undecodable message: {0}")]
    Decode(String),
    /// The message could not be encoded.
    #[error("unencodable message: {0}")]
    Encode(String),
}

/// Encodes `envelope` as a whole frame (length prefix included).
pub fn encode(envelope: &Envelope, format: Format, limit: u32) -> Result<Vec<u8>, FrameError> {
    let mut frame = vec![0u8; 4];
    match format {
        Format::MsgPack => {
            let mut ser = rmp_serde::Serializer::new(&mut frame).with_struct_map();
            serde::Serialize::serialize(envelope, &mut ser)
                .map_err(|e| FrameError::Encode(e.to_string()))?;
        }
        Format::Json => serde_json::to_writer(&mut frame, envelope)
            .map_err(|e| FrameError::Encode(e.to_string()))?,
    }
    let size = frame.len() - 4;
    if size > limit as usize {
        return Err(FrameError::TooLarge { size: size as u64, limit });
    }
    frame[..4].copy_from_slice(&(size as u32).to_be_bytes());
    Ok(frame)
}

/// Decodes a payload (without its length prefix).
pub fn decode(payload: &[u8], format: Format) -> Result<Envelope, FrameError> {
    match format {
        Format::MsgPack => rmp_serde::from_slice(payload).map_err(|e| e.to_string()),
        Format::Json => serde_json::from_slice(payload).map_err(|e| e.to_string()),
    }
    .map_err(FrameError::Decode)
}

fn checked_len(prefix: [u8; 4], limit: u32) -> Result<usize, FrameError> {
    let size = u32::from_be_bytes(prefix);
    if size > limit {
        return Err(FrameError::TooLarge { size: u64::from(size), limit });
    }
    Ok(size as usize)
}

/// Reads one payload; `Ok(None)` at a clean end of stream (between frames).
pub fn read_frame(reader: &mut impl Read, limit: u32) -> Result<Option<Vec<u8>>, FrameError> {
    let mut prefix = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match reader.read(&mut prefix[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(FrameError::Truncated),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let mut payload = vec![0u8; checked_len(prefix, limit)?];
    reader.read_exact(&mut payload).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => FrameError::Truncated,
        _ => FrameError::Io(e),
    })?;
    Ok(Some(payload))
}

/// Async [`read_frame`].
pub async fn read_frame_async(
    reader: &mut (impl AsyncRead + Unpin),
    limit: u32,
) -> Result<Option<Vec<u8>>, FrameError> {
    let mut prefix = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match reader.read(&mut prefix[got..]).await? {
            0 if got == 0 => return Ok(None),
            0 => return Err(FrameError::Truncated),
            n => got += n,
        }
    }
    let mut payload = vec![0u8; checked_len(prefix, limit)?];
    reader.read_exact(&mut payload).await.map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => FrameError::Truncated,
        _ => FrameError::Io(e),
    })?;
    Ok(Some(payload))
}

/// Writes a whole frame made by [`encode`] with one call.
pub fn write_frame(writer: &mut impl Write, frame: &[u8]) -> io::Result<()> {
    writer.write_all(frame)?;
    writer.flush()
}
