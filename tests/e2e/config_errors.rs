//! A bad topics.toml exits 1 naming file, line and column, before any connection.

use crate::support::kop::kop;

#[test]
fn each_bad_file_names_file_line_and_column() {
    let cases = [
        (
            "[topics.a]\npartitions = = 1\n",
            "topics.toml:2:14:",
            "invalid",
        ),
        (
            "[topics.a]\ncolour = \"red\"\n",
            "topics.toml:2:1:",
            "unknown key `colour`",
        ),
        (
            "[topics.a]\npartitions = 0\n",
            "topics.toml:2:14:",
            "partitions must be at least 1",
        ),
        (
            "[topics.a]\nretention = \"7 fortnights\"\n",
            "topics.toml:2:13:",
            "unknown unit `fortnights`",
        ),
        (
            "[topics.a]\nconfig = { \"min.insync.replicas\" = \"two\" }\n",
            "topics.toml:2:36:",
            "expects an integer",
        ),
        (
            "[topics.\"no spaces\"]\n",
            "topics.toml:1:9:",
            "contains ' '",
        ),
    ];
    for (text, location, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("topics.toml"), text).unwrap();
        // The default file in the working directory; unreachable broker, never contacted.
        let run = kop(["topics", "list", "-b", "127.0.0.1:1"])
            .dir(dir.path())
            .run()
            .expect_code(1);
        assert!(run.stderr.contains(location), "{text:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{text:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains("Connect to"),
            "kop connected before validating: {}",
            run.stderr
        );
    }
}

#[test]
fn a_missing_explicit_file_is_an_error() {
    let run = kop(["health", "-F", "nope.toml"]).run().expect_code(1);
    assert!(
        run.stderr.contains("no topics file at nope.toml"),
        "{}",
        run.stderr
    );
}
