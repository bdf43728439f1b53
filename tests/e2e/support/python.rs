//! Confluent's Python client (installed by scripts/setup.sh into .tools/python), for
//! interop tests against the same broker and registry.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn python() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/python/bin/python");
    assert!(
        path.is_file(),
        "Confluent's Python client is not installed at {}: run scripts/setup.sh (or scripts/python-env.sh)",
        path.display()
    );
    path
}

/// Runs tests/e2e/interop.py with the arguments and stdin; returns stdout, panics with
/// stderr when it fails.
pub fn interop(args: &[&str], stdin: &str) -> String {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/interop.py");
    run(&[script.to_str().expect("path")], args, stdin)
}

/// Runs tests/e2e/interop_formats.py (Confluent's JSON Schema and Protobuf serializers).
pub fn interop_formats(args: &[&str], stdin: &str) -> String {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/interop_formats.py");
    run(&[script.to_str().expect("path")], args, stdin)
}

/// Parses Prometheus text with the official client's parser; returns each sample as
/// `[name, {labels}, value]`. Panics when the text does not parse.
pub fn parse_prometheus(text: &str) -> serde_json::Value {
    let code = "import json, sys\nfrom prometheus_client.parser import text_string_to_metric_families\n\
                samples = [[s.name, s.labels, s.value] for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples]\n\
                print(json.dumps(samples))";
    let out = run(&["-c", code], &[], text);
    serde_json::from_str(&out).expect("parser output")
}

fn run(first: &[&str], args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(python())
        .args(first)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("python output");
    assert!(
        output.status.success(),
        "python {first:?} {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
