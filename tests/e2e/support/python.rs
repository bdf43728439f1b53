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
    let mut child = Command::new(python())
        .arg(script)
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
        "interop.py {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
