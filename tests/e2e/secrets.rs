//! Secrets never reach kop's output, at any verbosity, on success or failure.

use crate::support::broker;
use crate::support::kop::kop;

const PASSWORD: &str = "pw-do-not-print-9f3b";

fn sasl_env(k: crate::support::kop::Kop) -> crate::support::kop::Kop {
    k.env("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
        .env("KAFKA_SASL_MECHANISM", "PLAIN")
        .env("KAFKA_SASL_USERNAME", "ops")
        .env("KAFKA_SASL_PASSWORD", PASSWORD)
}

#[test]
fn the_sasl_password_is_never_printed() {
    let b = broker::shared();
    let runs = [
        sasl_env(kop([
            "-vv",
            "health",
            "-b",
            "127.0.0.1:1",
            "--timeout",
            "2s",
            "-X",
            "debug=all",
        ]))
        .run(),
        sasl_env(kop([
            "-vv",
            "topics",
            "list",
            "-b",
            "127.0.0.1:1",
            "--timeout",
            "2s",
            "-X",
            "debug=all",
        ]))
        .run(),
        sasl_env(kop([
            "-vv",
            "health",
            "-b",
            &b.bootstrap(),
            "--timeout",
            "3s",
            "-X",
            "debug=all",
        ]))
        .run(),
        sasl_env(kop([
            "-v",
            "health",
            "-b",
            &b.bootstrap(),
            "--timeout",
            "3s",
            "-o",
            "json",
        ]))
        .run(),
    ];
    for run in &runs {
        assert!(
            !run.stdout.contains(PASSWORD),
            "password on stdout:\n{}",
            run.stdout
        );
        assert!(
            !run.stderr.contains(PASSWORD),
            "password on stderr:\n{}",
            run.stderr
        );
    }
    // The debug runs really printed librdkafka's lines, configuration included.
    assert!(runs[0].stderr.contains("librdkafka"), "{}", runs[0].stderr);
    assert!(
        runs[0].stderr.contains("sasl.username"),
        "{}",
        runs[0].stderr
    );
}

#[test]
fn secrets_on_the_command_line_are_refused_as_a_usage_error() {
    let run = kop(["health", "-X", &format!("sasl.password={PASSWORD}")])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("passes a secret on the command line"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(PASSWORD));
}

/// A live SASL/SCRAM round trip, for a cluster that supports it (the test broker cannot).
#[test]
fn sasl_scram_against_a_real_cluster_when_given() {
    let Ok(bootstrap) = std::env::var("KOP_TEST_SASL_BOOTSTRAP") else {
        eprintln!("not run: set KOP_TEST_SASL_BOOTSTRAP (and KAFKA_SASL_USERNAME/PASSWORD/MECHANISM, KAFKA_SECURITY_PROTOCOL) to run it");
        return;
    };
    let mut k = kop(["health", "-b", &bootstrap, "-o", "json"]);
    for name in [
        "KAFKA_SECURITY_PROTOCOL",
        "KAFKA_SASL_MECHANISM",
        "KAFKA_SASL_USERNAME",
        "KAFKA_SASL_PASSWORD",
        "KAFKA_SSL_CAFILE",
    ] {
        if let Ok(v) = std::env::var(name) {
            k = k.env(name, &v);
        }
    }
    let run = k.run().expect_code(0);
    assert_eq!(run.json()["status"], "healthy");
}
