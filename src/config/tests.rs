//! The file format, end to end through `parse`: what is accepted and how refusals read.

use std::path::Path;

use super::*;

fn parse_str(text: &str) -> Result<TopicsFile, ConfigError> {
    parse(Path::new("topics.toml"), text)
}

/// (line, column, message fragment) of the first error.
fn error_at(text: &str) -> (usize, usize, String) {
    let err = parse_str(text).expect_err("the file should be refused");
    let (line, column) = err.location().expect("a location");
    (line, column, err.to_string())
}

#[test]
fn full_example_is_accepted() {
    let file = parse_str(
        r#"
protect = ["dlq.*"]

[clusters.local]
bootstrap = "localhost:9092"
schema_registry = "http://localhost:8081"

[clusters.prod]
bootstrap = "kafka-1:9093,kafka-2:9093"
security_protocol = "SASL_SSL"
sasl_mechanism = "SCRAM-SHA-512"
cluster_id = "abc"
properties = { "client.id" = "kop-ci", "socket.keepalive.enable" = true }
[clusters.prod.defaults]
replication_factor = 3

[defaults]
partitions = 3
replication_factor = 1
config = { "compression.type" = "snappy" }

[topics."task.created"]
partitions = 3
retention = "7d"
config = { "cleanup.policy" = "delete", "min.insync.replicas" = "2" }
dead_letter = "task.created.dead-letter"

[topics."dlq.failed-events"]
partitions = 1
retention = "30d"
retention_bytes = "1GiB"
keyed = false
"#,
    )
    .unwrap();
    let task = &file.topics["task.created"];
    assert_eq!(task.partitions, Some(3));
    assert_eq!(task.configs["retention.ms"], "604800000");
    assert_eq!(task.configs["cleanup.policy"], "delete");
    assert_eq!(task.configs["min.insync.replicas"], "2");
    assert_eq!(
        task.dead_letter.as_deref(),
        Some("task.created.dead-letter")
    );
    assert!(task.keyed);
    let dlq = &file.topics["dlq.failed-events"];
    assert_eq!(dlq.configs["retention.bytes"], "1073741824");
    assert!(!dlq.keyed);
    assert_eq!(file.defaults.configs["compression.type"], "snappy");
    let prod = &file.clusters["prod"];
    assert_eq!(prod.security_protocol, Some(SecurityProtocol::SaslSsl));
    assert_eq!(prod.sasl_mechanism, Some(SaslMechanism::ScramSha512));
    assert_eq!(prod.defaults.replication_factor, Some(3));
    assert_eq!(prod.properties.len(), 2);
    assert_eq!(file.protect, vec!["dlq.*"]);
}

#[test]
fn every_bad_file_names_line_column_and_problem() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("[topics.a]\npartitions = ", 2, 14, "a value is missing"),
        ("[topics.a]\npartitions = = 1\n", 2, 14, "invalid string"),
        (
            "[topics.a]\npartitions = 3\ncolour = \"red\"\n",
            3,
            1,
            "unknown key `colour`",
        ),
        (
            "[topics.a]\npartitions = 0\n",
            2,
            14,
            "partitions must be at least 1",
        ),
        (
            "[topics.a]\nreplication_factor = -1\n",
            2,
            22,
            "replication_factor must be at least 1",
        ),
        (
            "[topics.a]\nretention = \"7 fortnights\"\n",
            2,
            13,
            "unknown unit `fortnights`",
        ),
        (
            "[topics.a]\nconfig = { \"min.insync.replicas\" = \"two\" }\n",
            2,
            36,
            "expects an integer",
        ),
        (
            "[topics.a]\nconfig = { \"retention.ms\" = { a = 1 } }\n",
            2,
            29,
            "must be a string, number, boolean",
        ),
        (
            "[topics.a]\nconfig = { \"retenshun.ms\" = 1 }\n",
            2,
            12,
            "unknown topic config `retenshun.ms`",
        ),
        (
            "[topics.\"bad name\"]\npartitions = 1\n",
            1,
            9,
            "contains ' '",
        ),
        ("[topics.__consumer_offsets]\n", 1, 9, "starts with `_`"),
        (
            "[topics.a]\npartitions = \"three\"\n",
            2,
            14,
            "expected an integer, found the string",
        ),
        (
            "[topics.a]\nretention = \"7d\"\nconfig = { \"retention.ms\" = 1 }\n",
            3,
            12,
            "already set by `retention`",
        ),
        (
            "[defaults]\ndead_letter = \"x\"\n",
            2,
            15,
            "cannot be a default",
        ),
        (
            "[clusters.p]\nproperties = { \"sasl.password\" = \"x\" }\n",
            2,
            16,
            "is a secret",
        ),
        (
            "[clusters.p]\nsecurity_protocol = \"TLS\"\n",
            2,
            21,
            "unknown security_protocol",
        ),
        (
            "[topics.a]\nvalue_schema = \"schemas/nope.avsc\"\n",
            2,
            16,
            "does not exist",
        ),
    ];
    for (text, line, column, fragment) in cases {
        let (l, c, message) = error_at(text);
        assert!(
            message.starts_with(&format!("topics.toml:{l}:{c}: ")),
            "{message}"
        );
        assert!(message.contains(fragment), "{text:?} gave {message}");
        assert_eq!((l, c), (*line, *column), "{text:?} gave {message}");
    }
}

#[test]
fn long_topic_names_are_refused() {
    let name = "t".repeat(250);
    let (_, _, message) = error_at(&format!("[topics.{name}]\n"));
    assert!(message.contains("at most 249"), "{message}");
    assert!(parse_str(&format!("[topics.{}]\n", "t".repeat(249))).is_ok());
}

#[test]
fn empty_file_is_valid() {
    let file = parse_str("").unwrap();
    assert!(file.topics.is_empty() && file.clusters.is_empty());
}

#[test]
fn the_shipped_sample_file_loads_and_watches_the_platforms_dead_letter_queue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("topics.toml");
    let file = load(&path).unwrap_or_else(|e| panic!("{e}"));
    let queues = file.dead_letter_queues();
    assert!(
        queues.iter().any(|q| q == "dlq.failed-events"),
        "`kop health --max-dlq` should check the main queue: {queues:?}"
    );
}

#[test]
fn levels_parse_as_registries_and_people_spell_them() {
    assert_eq!(
        CompatibilityLevel::parse("backward_transitive"),
        Some(CompatibilityLevel::BackwardTransitive)
    );
    assert_eq!(
        CompatibilityLevel::parse("Full-Transitive"),
        Some(CompatibilityLevel::FullTransitive)
    );
    assert_eq!(
        CompatibilityLevel::parse("NONE"),
        Some(CompatibilityLevel::None)
    );
    assert_eq!(CompatibilityLevel::parse("SIDEWAYS"), None);
    for level in CompatibilityLevel::ALL {
        assert_eq!(CompatibilityLevel::parse(level.as_str()), Some(level));
    }
    assert!(
        CompatibilityLevel::FullTransitive.checks_backward()
            && CompatibilityLevel::FullTransitive.checks_forward()
    );
    assert!(
        !CompatibilityLevel::Forward.checks_backward()
            && CompatibilityLevel::Forward.checks_forward()
    );
    assert!(
        !CompatibilityLevel::None.checks_backward() && !CompatibilityLevel::None.checks_forward()
    );
    assert!(
        CompatibilityLevel::BackwardTransitive.is_transitive()
            && !CompatibilityLevel::Full.is_transitive()
    );
}

#[test]
fn compatibility_levels_are_per_topic_and_named_as_registries_name_them() {
    let file = parse_str(
        "[topics.\"task.created\"]\nvalue_compatibility = \"backward_transitive\"\nkey_compatibility = \"NONE\"\n",
    )
    .unwrap();
    let topic = &file.topics["task.created"];
    assert_eq!(
        topic.value_compatibility,
        Some(CompatibilityLevel::BackwardTransitive)
    );
    assert_eq!(topic.key_compatibility, Some(CompatibilityLevel::None));
    let (line, column, message) =
        error_at("[topics.t]\npartitions = 1\nvalue_compatibility = \"SIDEWAYS\"\n");
    assert_eq!((line, column), (3, 23), "{message}");
    assert!(
        message.contains("unknown compatibility level `SIDEWAYS`"),
        "{message}"
    );
    assert!(message.contains("FULL_TRANSITIVE"), "{message}");
    let (_, _, message) = error_at("[defaults]\nvalue_compatibility = \"FULL\"\n");
    assert!(message.contains("belongs to a single topic"), "{message}");
}
