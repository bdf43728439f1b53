//! `kop tail -o ndjson` prints JSON values through a fast road that builds no tree; these
//! tests pin that every line is byte for byte what decoding the value with serde_json and
//! printing the record gives, for payloads chosen to trip a hand-written scanner.

use base64::Engine as _;
use serde_json::{json, Value};

use crate::support::kop::kop;
use crate::support::{broker, client, unique};

/// Payloads a JSON fast road could get wrong.
fn awkward_payloads() -> Vec<Vec<u8>> {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n)).into_bytes();
    let mut payloads: Vec<Vec<u8>> = [
        r#"{"event_type": "child.registered", "age": 7, "ok": true, "none": null}"#,
        "  {\n\t\"spaced\" :  [ 1 , 2 ] }  \r\n",
        r#"{"a": 1, "b": 2, "a": 3}"#,
        r#"{"n": 1e400}"#,
        r#"[1.0, -0, 1E2, 0.1, 12345678901234567890, -9223372036854775808]"#,
        r#""\u00e9\/\u0041""#,
        r#"{"k": "\ud800"}"#,
        r#"{"c": "\u0001 \" \\ \n"}"#,
        r#"{"\u0061": 1, "a": 2}"#,
        "123",
        "null",
        r#""a bare string""#,
        "",
        "not json at all",
        "{\"trailing\": 1} x",
        "{\"del\": \"\u{7f}\", \"emoji\": \"😀\"}",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    payloads.push(b"\xff\xfe{}".to_vec());
    payloads.push(b"\"raw\x01control\"".to_vec());
    payloads.push(deep(120));
    payloads.push(deep(130));
    payloads
}

/// What `kop tail` printed for a value before the fast road: serde_json's value, else
/// text, else base64 (`--format auto`); serde_json's value, else base64 (`json`).
fn slow_road(bytes: &[u8], auto: bool) -> (Value, &'static str) {
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        return (value, "json");
    }
    // Text is UTF-8 with no NUL and at most one control character in eight (a stray
    // escape in a log line stays readable; binary data goes to base64).
    let text = std::str::from_utf8(bytes).ok().filter(|t| {
        let controls = t
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            .count();
        !t.contains('\0') && controls * 8 <= t.chars().count()
    });
    match (auto, text) {
        (true, Some(text)) => (Value::String(text.to_string()), "text"),
        _ => (
            Value::String(base64::engine::general_purpose::STANDARD.encode(bytes)),
            "base64",
        ),
    }
}

#[test]
fn ndjson_lines_are_what_decoding_and_printing_each_value_gives() {
    let b = broker::shared();
    let topic = unique("tail.ndjson");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let payloads = awkward_payloads();
    let records: Vec<client::Record> = payloads
        .iter()
        .map(|p| (None, p.as_slice(), vec![("h", b"v=\"1\"".as_slice())]))
        .collect();
    client::produce_to(&b.bootstrap(), &topic, 0, &records);
    for (format, auto) in [("auto", true), ("json", false)] {
        let run = kop([
            "tail",
            &topic,
            "-b",
            &b.bootstrap(),
            "--from",
            "beginning",
            "--format",
            format,
            "-o",
            "ndjson",
        ])
        .run()
        .expect_code(0);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), payloads.len(), "{}", run.stdout);
        for (offset, (line, payload)) in lines.iter().zip(&payloads).enumerate() {
            let printed: Value = serde_json::from_str(line).expect("each line is JSON");
            let (value, encoding) = slow_road(payload, auto);
            let expected = json!({
                "topic": topic,
                "partition": 0,
                "offset": offset,
                "timestamp": printed["timestamp"],
                "timestamp_type": "create",
                "key": null,
                "key_encoding": null,
                "headers": [{"key": "h", "value": "v=\"1\"", "encoding": "text"}],
                "value": value,
                "schema_id": null,
                "value_encoding": encoding,
            });
            assert_eq!(
                *line,
                serde_json::to_string(&expected).unwrap(),
                "--format {format}, payload {:?}",
                String::from_utf8_lossy(payload)
            );
        }
    }
    // --grep reads the value as printed on one line: a repeated key's last value.
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--from",
        "beginning",
        "-o",
        "ndjson",
        "--grep",
        r#"\{"a":3,"b":2\}"#,
    ])
    .run()
    .expect_code(0);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
}

/// `kop tail -f | head -3`: once head has its lines and leaves, a follower with nothing
/// more to write ends at once (quietly, exit 0), not at the topic's next record.
#[test]
fn a_follower_piped_into_head_ends_when_head_does_on_a_quiet_topic() {
    let b = broker::shared();
    let topic = unique("tail.head");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let values: Vec<String> = (0..10).map(|i| format!("{{\"n\":{i}}}")).collect();
    let records: Vec<client::Record> = values
        .iter()
        .map(|v| (None, v.as_bytes(), vec![]))
        .collect();
    client::produce_to(&b.bootstrap(), &topic, 0, &records);
    let home = tempfile::tempdir().unwrap();
    let line = format!(
        "'{}' tail '{topic}' -b '{}' -f | head -3; echo \"kop exit ${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_kop"),
        b.bootstrap()
    );
    let mut child = std::process::Command::new("bash")
        .args(["-c", &line])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let ended = loop {
        if child.try_wait().unwrap().is_some() {
            break true;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(ended, "kop still following 10 s after head left: {stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with('{')).count(),
        3,
        "{stdout}"
    );
    assert!(stdout.contains("kop exit 0"), "{stdout}");
}
