//! The Confluent wire format: magic byte 0, the schema id as 4 big-endian bytes, then the
//! Avro binary payload.

pub const MAGIC: u8 = 0;

pub fn frame(schema_id: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(5 + payload.len());
    out.push(MAGIC);
    out.extend_from_slice(&schema_id.to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// The schema id and payload, when the bytes carry the header.
pub fn split(bytes: &[u8]) -> Option<(u32, &[u8])> {
    match bytes {
        [MAGIC, a, b, c, d, rest @ ..] => Some((u32::from_be_bytes([*a, *b, *c, *d]), rest)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_and_splits() {
        let framed = frame(258, b"xyz");
        assert_eq!(framed, vec![0, 0, 0, 1, 2, b'x', b'y', b'z']);
        assert_eq!(split(&framed), Some((258, &b"xyz"[..])));
        assert_eq!(split(b"{\"a\":1}"), None);
        assert_eq!(split(&[0, 0, 0]), None);
    }
}
