//! The Confluent wire format: magic byte 0, the schema id as 4 big-endian bytes, then the
//! Avro binary payload.

pub const MAGIC: u8 = 0;

/// The 5 bytes before the payload.
pub fn header(schema_id: u32) -> [u8; 5] {
    let id = schema_id.to_be_bytes();
    [MAGIC, id[0], id[1], id[2], id[3]]
}

#[cfg(test)]
pub fn frame(schema_id: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(5 + payload.len());
    out.extend_from_slice(&header(schema_id));
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
