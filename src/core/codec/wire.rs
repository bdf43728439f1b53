//! The Confluent wire format: magic byte 0, the schema id as 4 big-endian bytes, then the
//! payload: Avro binary, JSON text, or for Protobuf the message-index array (which message
//! of the schema's file) and the message's bytes.

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

/// The message-index array of a Protobuf payload: zigzag varints, the count first; the
/// first message of the file (`[0]`) is the single byte 0, as Confluent's serializers
/// write it.
pub fn message_indexes(indexes: &[i32]) -> Vec<u8> {
    if indexes == [0] {
        return vec![0];
    }
    let mut out = Vec::with_capacity(1 + indexes.len());
    zigzag_varint(indexes.len() as i64, &mut out);
    for i in indexes {
        zigzag_varint(i64::from(*i), &mut out);
    }
    out
}

/// The message indexes and the message's bytes after them.
pub fn split_message_indexes(bytes: &[u8]) -> Option<(Vec<i32>, &[u8])> {
    let (count, mut rest) = read_zigzag(bytes)?;
    if count == 0 {
        return Some((vec![0], rest));
    }
    if !(1..=100_000).contains(&count) {
        return None;
    }
    let mut indexes = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (i, after) = read_zigzag(rest)?;
        indexes.push(i32::try_from(i).ok()?);
        rest = after;
    }
    Some((indexes, rest))
}

fn zigzag_varint(n: i64, out: &mut Vec<u8>) {
    let mut v = ((n << 1) ^ (n >> 63)) as u64;
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_zigzag(bytes: &[u8]) -> Option<(i64, &[u8])> {
    let mut v: u64 = 0;
    for (i, b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let n = ((v >> 1) as i64) ^ -((v & 1) as i64);
            return Some((n, &bytes[i + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_indexes_as_confluents_serializers_write_them() {
        // Bytes from confluent_kafka's ProtobufSerializer (_encode_varints, zigzag).
        assert_eq!(message_indexes(&[0]), vec![0]);
        assert_eq!(message_indexes(&[1]), vec![2, 2]);
        assert_eq!(message_indexes(&[0, 2]), vec![4, 0, 4]);
        assert_eq!(message_indexes(&[70]), vec![2, 0x8c, 0x01]);
        for indexes in [vec![0], vec![1], vec![0, 2], vec![3, 1, 70]] {
            let mut bytes = message_indexes(&indexes);
            bytes.extend_from_slice(b"msg");
            assert_eq!(
                split_message_indexes(&bytes),
                Some((indexes.clone(), &b"msg"[..]))
            );
        }
        assert_eq!(split_message_indexes(&[]), None);
        assert_eq!(split_message_indexes(&[0x80]), None, "a varint cut short");
        assert_eq!(split_message_indexes(&[1]), None, "a negative count");
    }

    #[test]
    fn frames_and_splits() {
        let framed = frame(258, b"xyz");
        assert_eq!(framed, vec![0, 0, 0, 1, 2, b'x', b'y', b'z']);
        assert_eq!(split(&framed), Some((258, &b"xyz"[..])));
        assert_eq!(split(b"{\"a\":1}"), None);
        assert_eq!(split(&[0, 0, 0]), None);
    }
}
