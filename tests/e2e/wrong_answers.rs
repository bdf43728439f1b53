//! Defects where a wrong answer looked like a right one: each now says what is wrong.

use std::time::Duration;

use serde_json::json;

use crate::support::kop::kop;
use crate::support::{broker, client, unique};

#[test]
fn letters_with_escape_sequences_and_huge_errors_cannot_steer_or_flood_the_terminal() {
    let b = broker::shared();
    let dlq = unique("inject.dlq");
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    let evil = json!({
        "original_event": {},
        "original_topic": "child.registered",
        "error_message": "boom\u{1b}[2J\u{1b}]0;owned\u{7} and \u{1b}[31mred",
    })
    .to_string();
    let huge = json!({
        "original_event": {},
        "original_topic": "child.registered",
        "error_message": "x".repeat(100_000),
    })
    .to_string();
    client::produce(
        &b.bootstrap(),
        &dlq,
        &[
            (None, evil.as_bytes(), vec![]),
            (None, huge.as_bytes(), vec![]),
        ],
    );
    for no_color in [false, true] {
        let mut args = vec!["dlq", "stats", dlq.as_str(), "-b"];
        let bootstrap = b.bootstrap();
        args.push(&bootstrap);
        if no_color {
            args.push("--no-color");
        }
        let run = kop(&args).env("NO_COLOR", "").run_in_terminal("");
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            !run.stdout.contains('\u{7}'),
            "a bell from data: {:?}",
            run.stdout
        );
        for seq in ["\u{1b}[2J", "\u{1b}]0;", "\u{1b}[31m"] {
            assert!(
                !run.stdout.contains(seq),
                "{seq:?} from data reached the terminal"
            );
        }
        assert!(
            run.stdout.contains("\\x1b["),
            "shown escaped instead: {}",
            run.stdout
        );
        for line in run.stdout.lines() {
            let visible = console::measure_text_width(line);
            assert!(
                visible <= 200,
                "a {visible}-column line on a 200-column terminal"
            );
        }
    }
}

#[test]
fn an_only_pattern_that_matches_no_declared_topic_is_an_error_not_a_pass() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        "[topics.\"child.registered\"]\npartitions = 3\n",
    )
    .unwrap();
    let run = kop(["topics", "apply", "--check", "--only", "typo.*"])
        .dir(dir.path())
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("--only typo.*: no topic"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_watch_interval_under_a_second_is_a_usage_error() {
    let run = kop(["lag", "--watch", "0s"]).run().expect_code(2);
    assert!(run.stderr.contains("--watch"), "{}", run.stderr);
}

#[test]
fn apply_wait_bounds_the_whole_wait_against_a_dead_address() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        "[topics.a]\npartitions = 1\n",
    )
    .unwrap();
    let run = kop(["topics", "apply", "-b", "127.0.0.1:1", "--wait", "3s"])
        .dir(dir.path())
        .run()
        .expect_code(1);
    assert!(
        run.elapsed < Duration::from_millis(4_500),
        "--wait 3s took {:?}",
        run.elapsed
    );
    assert!(
        run.stderr.contains("waiting for the cluster"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_refused_secret_property_is_never_echoed() {
    let secret = "s3cret-Value-42";
    let jaas = format!(
        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"{secret}\";"
    );
    for property in [
        jaas,
        format!("sasl.oauthbearer.client.secret={secret}"),
        format!("={secret}"),
    ] {
        let run = kop(["health", "-X", &property]).run();
        assert_ne!(run.code, 0);
        assert!(!run.stderr.contains(secret), "echoed: {}", run.stderr);
        assert!(!run.stdout.contains(secret), "echoed: {}", run.stdout);
    }
}

#[test]
fn every_command_reports_an_unreachable_cluster_with_the_same_words_at_once() {
    let commands: [&[&str]; 10] = [
        &["topics", "list"],
        &["topics", "describe", "orders"],
        &["topics", "export"],
        &["groups", "list"],
        &["groups", "describe", "billing"],
        &[
            "groups",
            "reset",
            "billing",
            "--all-topics",
            "--to",
            "earliest",
            "--dry-run",
        ],
        &["tail", "orders"],
        &["publish", "orders", "--value", "{}"],
        &["dlq", "stats", "dlq.failed-events"],
        &["lag"],
    ];
    let mut first_lines = Vec::new();
    for command in commands {
        let mut args = command.to_vec();
        args.extend(["-b", "127.0.0.1:1"]);
        let run = kop(&args).run().expect_code(1);
        assert!(
            run.elapsed < Duration::from_secs(2),
            "{command:?} took {:?}",
            run.elapsed
        );
        let first = run.stderr.lines().next().unwrap_or_default().to_string();
        assert_eq!(
            first,
            "error: could not reach Kafka at 127.0.0.1:1: Connect to ipv4#127.0.0.1:1 failed: Connection refused",
            "{command:?}"
        );
        first_lines.push(first);
    }
    let run = kop(["health", "-b", "nonexistent.invalid:9092", "-o", "json"])
        .run()
        .expect_code(3);
    assert!(
        run.elapsed < Duration::from_secs(2),
        "took {:?}",
        run.elapsed
    );
    assert!(run.stdout.contains("Failed to resolve"), "{}", run.stdout);
}

#[test]
fn misspelt_topics_and_groups_get_the_closest_name_from_every_command() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let topic = unique("typo.orders");
    let group = unique("typo-billing");
    client::create_topic(&bootstrap, &topic, 1, &[]);
    client::produce(&bootstrap, &topic, &[(None, b"{}", vec![])]);
    client::commit(&bootstrap, &group, &topic, 0, 0);
    let typo_topic = format!("{topic}x");
    let typo_group = format!("{group}x");
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["tail", &typo_topic], format!("did you mean {topic}?")),
        (
            vec!["publish", &typo_topic, "--value", "{}"],
            format!("did you mean {topic}?"),
        ),
        (
            vec!["topics", "describe", &typo_topic],
            format!("did you mean {topic}?"),
        ),
        (
            vec!["dlq", "stats", &typo_topic],
            format!("did you mean {topic}?"),
        ),
        (
            vec!["groups", "list", "--topic", &typo_topic],
            format!("did you mean {topic}?"),
        ),
        (vec!["lag", &typo_group], format!("did you mean {group}?")),
        (
            vec!["groups", "describe", &typo_group],
            format!("did you mean {group}?"),
        ),
    ];
    for (args, hint) in cases {
        let mut args = args.clone();
        args.extend(["-b", bootstrap.as_str()]);
        let run = kop(&args).run().expect_code(1);
        assert!(run.stderr.contains(&hint), "{args:?}: {}", run.stderr);
    }
    let reset = kop([
        "groups",
        "reset",
        &typo_group,
        "--topic",
        &topic,
        "--to",
        "earliest",
        "--dry-run",
        "-b",
        &bootstrap,
    ])
    .run()
    .expect_code(0);
    assert!(
        reset.stderr.contains(&format!(
            "group {typo_group} does not exist yet: this reset creates it (did you mean {group}?)"
        )),
        "{}",
        reset.stderr
    );
}
